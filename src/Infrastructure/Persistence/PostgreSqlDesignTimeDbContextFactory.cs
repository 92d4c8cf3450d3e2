using Microsoft.EntityFrameworkCore.Design;

namespace Messaging.Infrastructure.Persistence;

internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlMessagingDbContext>
{
    public PostgreSqlMessagingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMessagingDbContext>().UseNpgsql(DesignTimeConnectionStrings.PostgreSql).Options);
}
