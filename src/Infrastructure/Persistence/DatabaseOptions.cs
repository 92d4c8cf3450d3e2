namespace Messaging.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string Sqlite = "Sqlite";

    public const string SqlServer = "SqlServer";

    /// <summary><see cref="Sqlite"/> (the default) or <see cref="SqlServer"/>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Required for SQL Server. For SQLite, empty means a <c>messaging.db</c> file next to the application.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether migrations are applied at start; unset means yes for SQLite and no for SQL Server.</summary>
    public bool? MigrateOnStartup { get; set; }

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);

    // A server database is usually migrated by a deployment step, not by each instance racing at start.
    internal bool ShouldMigrateOnStartup => MigrateOnStartup ?? IsSqlite;
}
