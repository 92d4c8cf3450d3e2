using Messaging.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Messaging.TestSupport;

/// <summary>
/// A database of one test's own, not yet migrated: a SQLite file in a temporary directory, or a database created on the
/// PostgreSQL test server. Disposing it deletes it.
/// </summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _postgreSqlName;

    private EmptyDatabase(string provider, string connectionString, string? directory, string? postgreSqlName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _postgreSqlName = postgreSqlName;
    }

    /// <summary>The <c>Database:Provider</c> setting: <see cref="DatabaseOptions.Sqlite"/> or <see cref="DatabaseOptions.PostgreSql"/>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => Provider == DatabaseOptions.Sqlite;

    /// <summary>The settings that point the application at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
    };

    /// <summary>The SQLite file, for a test that opens it directly; null on PostgreSQL.</summary>
    public string? SqliteFile => _directory is null ? null : Path.Combine(_directory, "messaging.db");

    /// <summary>A SQLite file in a temporary directory of its own; needs nothing to be awaited.</summary>
    public static EmptyDatabase CreateSqlite()
    {
        var directory = Directory.CreateTempSubdirectory("messaging-tests-").FullName;
        return new EmptyDatabase(DatabaseOptions.Sqlite, $"Data Source={Path.Combine(directory, "messaging.db")}", directory, null);
    }

    public static async Task<EmptyDatabase> CreateAsync(string provider)
    {
        switch (provider)
        {
            case DatabaseOptions.Sqlite:
                return CreateSqlite();
            case DatabaseOptions.PostgreSql:
                var (name, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
                return new EmptyDatabase(provider, connectionString, null, name);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "The tests run on SQLite and PostgreSQL.");
        }
    }

    /// <summary>Deletes a SQLite database at once (nothing to await); a PostgreSQL database needs <see cref="DisposeAsync"/>.</summary>
    public void DeleteSqliteFile()
    {
        if (_directory is null)
        {
            return;
        }

        // Pooled connections keep the file open, and an open file cannot be deleted everywhere.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the OS still holds is left for the temp cleaner; no other test ever opens it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        DeleteSqliteFile();
        if (_postgreSqlName is not null)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(_postgreSqlName);
        }
    }
}
