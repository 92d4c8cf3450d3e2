using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Recognises a unique-key violation by the provider's own error code, never by message text,
/// which varies by version and language.
/// </summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqlServerDuplicateKeyInUniqueIndex = 2601;
    private const int SqlServerUniqueConstraintViolation = 2627;
    private const string PostgreSqlUniqueViolation = "23505";

    /// <param name="exception">What <c>SaveChanges</c> threw.</param>
    /// <param name="index">
    /// The unique index the caller expects to refuse the row. PostgreSQL names the index it enforced, so there a
    /// violation of any other index is not taken for this one; SQLite and SQL Server report no name apart from the
    /// message text.
    /// </param>
    public static bool IsUniqueViolation(DbUpdateException exception, string? index = null) =>
        IsProviderUniqueViolation(exception.InnerException, index);

    /// <summary>For a statement run outside EF Core's save: the provider's own exception.</summary>
    public static bool IsUniqueViolation(Exception exception, string? index = null) =>
        exception is DbUpdateException update ? IsUniqueViolation(update, index) : IsProviderUniqueViolation(exception, index);

    private static bool IsProviderUniqueViolation(Exception? exception, string? index) => exception switch
    {
        SqliteException sqlite => IsSqliteUniqueViolation(sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode),
        SqlException sqlServer => IsSqlServerUniqueViolation(sqlServer.Number),
        PostgresException postgres => IsPostgreSqlUniqueViolation(postgres.SqlState, postgres.ConstraintName, index),
        _ => false,
    };

    // SQLITE_CONSTRAINT alone also covers NOT NULL, CHECK and foreign keys; only the extended code says "unique".
    public static bool IsSqliteUniqueViolation(int errorCode, int extendedErrorCode) =>
        errorCode == SqliteConstraint && extendedErrorCode == SqliteConstraintUnique;

    public static bool IsSqlServerUniqueViolation(int number) =>
        number is SqlServerDuplicateKeyInUniqueIndex or SqlServerUniqueConstraintViolation;

    public static bool IsPostgreSqlUniqueViolation(string sqlState, string? constraintName, string? index) =>
        sqlState == PostgreSqlUniqueViolation && (index is null || string.Equals(constraintName, index, StringComparison.Ordinal));
}
