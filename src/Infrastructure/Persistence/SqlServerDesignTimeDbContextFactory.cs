using Microsoft.EntityFrameworkCore.Design;

namespace Messaging.Infrastructure.Persistence;

internal sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerMessagingDbContext>
{
    public SqlServerMessagingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMessagingDbContext>().UseSqlServer(DesignTimeConnectionStrings.SqlServer).Options);
}
