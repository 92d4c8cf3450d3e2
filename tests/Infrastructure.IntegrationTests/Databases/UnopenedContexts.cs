namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>
/// Each provider's context on a connection that is never opened: for what the model, the migrations and the
/// hand-written statements say, where nothing is run.
/// </summary>
internal static class UnopenedContexts
{
    public static SqlServerMessagingDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerMessagingDbContext>()
            .UseSqlServer("Server=.;Database=x;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);

    public static SqliteMessagingDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteMessagingDbContext>().UseSqlite("Data Source=unused.db").Options);

    public static PostgreSqlMessagingDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlMessagingDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
}
