using Microsoft.EntityFrameworkCore.Design;

namespace Messaging.Infrastructure.Persistence;

internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteMessagingDbContext>
{
    public SqliteMessagingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMessagingDbContext>().UseSqlite(DesignTimeConnectionStrings.Sqlite).Options);
}
