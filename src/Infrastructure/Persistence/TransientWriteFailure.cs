using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Recognises a transaction the database gave up on to settle a conflict with another process, which succeeds when
/// simply run again: SQL Server's deadlock victim and lock time-out, PostgreSQL's serialization failure and deadlock,
/// SQLite's lock held by another process for longer than the busy time-out. Known by the provider's error code, wherever EF Core wrapped the exception.
/// </summary>
internal static class TransientWriteFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlServerDeadlockVictim = 1205;
    private const int SqlServerLockTimeout = 1222;
    private const string PostgreSqlSerializationFailure = "40001";
    private const string PostgreSqlDeadlockDetected = "40P01";

    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when IsSqliteTransient(sqlite.SqliteErrorCode):
                case SqlException sqlServer when IsSqlServerTransient(sqlServer.Number):
                case PostgresException postgres when IsPostgreSqlTransient(postgres.SqlState):
                    return true;
            }
        }

        return false;
    }

    public static bool IsSqliteTransient(int errorCode) => errorCode is SqliteBusy or SqliteLocked;

    public static bool IsSqlServerTransient(int number) => number is SqlServerDeadlockVictim or SqlServerLockTimeout;

    public static bool IsPostgreSqlTransient(string sqlState) =>
        sqlState is PostgreSqlSerializationFailure or PostgreSqlDeadlockDetected;
}
