using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

    public static bool IsUniqueViolation(DbUpdateException exception) => IsProviderUniqueViolation(exception.InnerException);

    /// <summary>For a statement run outside EF Core's save: the provider's own exception.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        exception is DbUpdateException update ? IsUniqueViolation(update) : IsProviderUniqueViolation(exception);

    private static bool IsProviderUniqueViolation(Exception? exception) => exception switch
    {
        SqliteException sqlite => IsSqliteUniqueViolation(sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode),
        SqlException sqlServer => IsSqlServerUniqueViolation(sqlServer.Number),
        _ => false,
    };

    // SQLITE_CONSTRAINT alone also covers NOT NULL, CHECK and foreign keys; only the extended code says "unique".
    public static bool IsSqliteUniqueViolation(int errorCode, int extendedErrorCode) =>
        errorCode == SqliteConstraint && extendedErrorCode == SqliteConstraintUnique;

    public static bool IsSqlServerUniqueViolation(int number) =>
        number is SqlServerDuplicateKeyInUniqueIndex or SqlServerUniqueConstraintViolation;
}
