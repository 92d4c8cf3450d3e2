namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>
/// Each provider's context on a connection that is never opened: for what the model, the migrations and the
/// hand-written statements say, where nothing is run.
/// </summary>
internal static class UnopenedContexts
{
    public static SqlServerMessagingDbContext SqlServer() => SqlServer(null);

    /// <summary>SQL Server's context whose statements <paramref name="recorder"/> answers in place of a server.</summary>
    public static SqlServerMessagingDbContext SqlServer(StatementRecorder? recorder)
    {
        var options = new DbContextOptionsBuilder<SqlServerMessagingDbContext>()
            .UseSqlServer("Server=.;Database=x;Trusted_Connection=True;TrustServerCertificate=True");
        return new(recorder is null ? options.Options : options.AddInterceptors(recorder).Options);
    }

    public static SqliteMessagingDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteMessagingDbContext>().UseSqlite("Data Source=unused.db").Options);

    public static PostgreSqlMessagingDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlMessagingDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
}
