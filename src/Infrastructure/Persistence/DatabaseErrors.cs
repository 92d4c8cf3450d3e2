using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Classifies what SQLite, SQL Server and PostgreSQL threw by the provider's own error code, never by message text
/// (which varies by version and language), wherever EF Core wrapped the exception. One table per provider, so a code
/// is either a unique violation or worth running again, never both.
/// </summary>
internal static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqlServerDeadlockVictim = 1205;
    private const int SqlServerLockTimeout = 1222;
    private const int SqlServerDuplicateKeyInUniqueIndex = 2601;
    private const int SqlServerUniqueConstraintViolation = 2627;
    private const string PostgreSqlSerializationFailure = "40001";
    private const string PostgreSqlDeadlockDetected = "40P01";
    private const string PostgreSqlUniqueViolation = "23505";

    /// <summary>SQL Server's deadlock victim and lock time-out, PostgreSQL's serialization failure and deadlock,
    /// SQLite's lock held by another process for longer than the busy time-out.</summary>
    public static bool IsTransient(Exception exception) =>
        ProviderException(exception) is { } provider && Classify(provider) == DatabaseError.Transient;

    /// <param name="exception">What <c>SaveChanges</c> or a statement run outside it threw.</param>
    /// <param name="index">
    /// The unique index the caller expects to refuse the row. PostgreSQL names the index it enforced, so there a
    /// violation of any other index is not taken for this one; SQLite and SQL Server report no name apart from the
    /// message text.
    /// </param>
    public static bool IsUniqueViolation(Exception exception, string? index = null) => ProviderException(exception) switch
    {
        PostgresException postgres => IsPostgreSqlUniqueViolation(postgres.SqlState, postgres.ConstraintName, index),
        { } provider => Classify(provider) == DatabaseError.UniqueViolation,
        null => false,
    };

    public static bool IsPostgreSqlUniqueViolation(string sqlState, string? constraintName, string? index) =>
        ClassifyPostgreSql(sqlState) == DatabaseError.UniqueViolation
        && (index is null || string.Equals(constraintName, index, StringComparison.Ordinal));

    // SQLITE_CONSTRAINT alone also covers NOT NULL, CHECK and foreign keys; only the extended code says "unique".
    public static DatabaseError ClassifySqlite(int errorCode, int extendedErrorCode) => (errorCode, extendedErrorCode) switch
    {
        (SqliteConstraint, SqliteConstraintUnique) => DatabaseError.UniqueViolation,
        (SqliteBusy or SqliteLocked, _) => DatabaseError.Transient,
        _ => DatabaseError.Other,
    };

    public static DatabaseError ClassifySqlServer(int number) => number switch
    {
        SqlServerDuplicateKeyInUniqueIndex or SqlServerUniqueConstraintViolation => DatabaseError.UniqueViolation,
        SqlServerDeadlockVictim or SqlServerLockTimeout => DatabaseError.Transient,
        _ => DatabaseError.Other,
    };

    public static DatabaseError ClassifyPostgreSql(string sqlState) => sqlState switch
    {
        PostgreSqlUniqueViolation => DatabaseError.UniqueViolation,
        PostgreSqlSerializationFailure or PostgreSqlDeadlockDetected => DatabaseError.Transient,
        _ => DatabaseError.Other,
    };

    private static DatabaseError Classify(DbException provider) => provider switch
    {
        SqliteException sqlite => ClassifySqlite(sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode),
        SqlException sqlServer => ClassifySqlServer(sqlServer.Number),
        PostgresException postgres => ClassifyPostgreSql(postgres.SqlState),
        _ => DatabaseError.Other,
    };

    // EF Core wraps the provider's exception in DbUpdateException, and retries or callers may wrap that again.
    private static DbException? ProviderException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException or SqlException or PostgresException)
            {
                return (DbException)current;
            }
        }

        return null;
    }
}
