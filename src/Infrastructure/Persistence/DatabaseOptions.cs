namespace Messaging.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string Sqlite = "Sqlite";

    public const string SqlServer = "SqlServer";

    public const int DefaultMaxWriteBatchSize = 256;

    public const int MaxWriteBatchSizeLimit = 10_000;

    /// <summary><see cref="Sqlite"/> (the default) or <see cref="SqlServer"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Required for SQL Server. For SQLite, empty means a <c>messaging.db</c> file next to the application.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether migrations are applied at start; unset means yes for SQLite and no for SQL Server.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// The most units of work committed together in one transaction. Larger batches mean fewer commits under load, but
    /// hold the database's write lock longer each time.
    /// </summary>
    public int MaxWriteBatchSize { get; set; } = DefaultMaxWriteBatchSize;

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);

    // A server database is usually migrated by a deployment step, not by each instance racing at start.
    internal bool ShouldMigrateOnStartup => MigrateOnStartup ?? IsSqlite;
}
