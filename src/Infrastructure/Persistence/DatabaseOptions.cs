namespace Messaging.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string Sqlite = "Sqlite";

    public const string SqlServer = "SqlServer";

    public const string PostgreSql = "PostgreSql";

    public const int DefaultMaxWriteBatchSize = 256;

    public const int MaxWriteBatchSizeLimit = 10_000;

    public const int DefaultPendingStatusRetentionDays = 7;

    public const int DefaultPendingStatusPurgeIntervalMinutes = 60;

    internal const int DefaultPurgeChunkSize = 1_000;

    /// <summary><see cref="Sqlite"/> (the default), <see cref="SqlServer"/> or <see cref="PostgreSql"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Required for SQL Server and PostgreSQL. For SQLite, empty means a <c>messaging.db</c> file next to the application.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether migrations are applied at start; unset means yes for SQLite and no for the database servers.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// The most units of work committed together in one transaction. Larger batches mean fewer commits under load, but
    /// hold the database's write lock longer each time.
    /// </summary>
    public int MaxWriteBatchSize { get; set; } = DefaultMaxWriteBatchSize;

    /// <summary>
    /// How long a status reported for a SID with no stored message is kept, waiting for the message, before it is
    /// deleted. At least a day.
    /// </summary>
    public int PendingStatusRetentionDays { get; set; } = DefaultPendingStatusRetentionDays;

    /// <summary>How often such statuses are looked for and deleted.</summary>
    public int PendingStatusPurgeIntervalMinutes { get; set; } = DefaultPendingStatusPurgeIntervalMinutes;

    /// <summary>
    /// The most rows a purge deletes in one unit of work (see <see cref="ChunkedDelete"/>). Not a setting: a thousand
    /// rows make a short unit on every provider and stay under the 5,000 locks at which SQL Server turns a statement's
    /// row locks into a table lock, so there is nothing for an operator to tune; tests make it small to see a purge
    /// take several chunks.
    /// </summary>
    internal int PurgeChunkSize { get; set; } = DefaultPurgeChunkSize;

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);

    internal bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    // A server database is usually migrated by a deployment step, not by each instance racing at start.
    internal bool ShouldMigrateOnStartup => MigrateOnStartup ?? IsSqlite;
}
