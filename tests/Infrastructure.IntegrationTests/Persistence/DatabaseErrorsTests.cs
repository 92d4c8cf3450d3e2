using Microsoft.Data.Sqlite;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

internal sealed class DatabaseErrorsTests
{
    [TestCase(2601, ExpectedResult = DatabaseError.UniqueViolation, Description = "duplicate key in a unique index")]
    [TestCase(2627, ExpectedResult = DatabaseError.UniqueViolation, Description = "unique constraint")]
    [TestCase(1205, ExpectedResult = DatabaseError.Transient, Description = "deadlock victim")]
    [TestCase(1222, ExpectedResult = DatabaseError.Transient, Description = "lock request time-out")]
    [TestCase(547, ExpectedResult = DatabaseError.Other, Description = "foreign key or check constraint")]
    [TestCase(515, ExpectedResult = DatabaseError.Other, Description = "NULL into a NOT NULL column")]
    [TestCase(0, ExpectedResult = DatabaseError.Other)]
    public DatabaseError Sql_server_errors_are_known_by_their_number(int number) => DatabaseErrors.ClassifySqlServer(number);

    [TestCase(19, 2067, ExpectedResult = DatabaseError.UniqueViolation, Description = "unique constraint")]
    [TestCase(5, 5, ExpectedResult = DatabaseError.Transient, Description = "busy: the lock is held by another process")]
    [TestCase(6, 6, ExpectedResult = DatabaseError.Transient, Description = "locked")]
    [TestCase(19, 787, ExpectedResult = DatabaseError.Other, Description = "foreign key")]
    [TestCase(19, 1299, ExpectedResult = DatabaseError.Other, Description = "NOT NULL")]
    [TestCase(19, 275, ExpectedResult = DatabaseError.Other, Description = "CHECK")]
    [TestCase(13, 13, ExpectedResult = DatabaseError.Other, Description = "full")]
    public DatabaseError Sqlite_errors_are_known_by_their_primary_and_extended_codes(int errorCode, int extendedErrorCode) =>
        DatabaseErrors.ClassifySqlite(errorCode, extendedErrorCode);

    [TestCase("23505", ExpectedResult = DatabaseError.UniqueViolation, Description = "unique violation")]
    [TestCase("40001", ExpectedResult = DatabaseError.Transient, Description = "serialization failure")]
    [TestCase("40P01", ExpectedResult = DatabaseError.Transient, Description = "deadlock detected")]
    [TestCase("23503", ExpectedResult = DatabaseError.Other, Description = "foreign key")]
    [TestCase("23502", ExpectedResult = DatabaseError.Other, Description = "NOT NULL")]
    [TestCase("25P02", ExpectedResult = DatabaseError.Other, Description = "transaction already aborted")]
    [TestCase("57014", ExpectedResult = DatabaseError.Other, Description = "query cancelled")]
    public DatabaseError PostgreSql_errors_are_known_by_their_sql_state(string sqlState) => DatabaseErrors.ClassifyPostgreSql(sqlState);

    [Test]
    public void PostgreSql_unique_violation_is_recognised_for_the_index_the_caller_expects()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DatabaseErrors.IsPostgreSqlUniqueViolation("23505", "IX_Messages_WaSid", "IX_Messages_WaSid"), Is.True);
            Assert.That(DatabaseErrors.IsPostgreSqlUniqueViolation("23505", "PK_Messages", null), Is.True, "any index when none is named");
            Assert.That(DatabaseErrors.IsPostgreSqlUniqueViolation("23505", "PK_Messages", "IX_Messages_WaSid"), Is.False, "another index");
            Assert.That(DatabaseErrors.IsPostgreSqlUniqueViolation("40001", "IX_Messages_WaSid", "IX_Messages_WaSid"), Is.False, "not a unique violation");
        });
    }

    [Test]
    public void A_save_failure_is_classified_by_the_provider_exception_inside_it()
    {
        var unique = new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed: Messages.WaSid", 19, 2067));
        var foreignKey = new DbUpdateException("save failed", new SqliteException("FOREIGN KEY constraint failed", 19, 787));
        var unrelated = new DbUpdateException("save failed", new InvalidOperationException("UNIQUE constraint failed"));

        Assert.Multiple(() =>
        {
            Assert.That(DatabaseErrors.IsUniqueViolation(unique), Is.True);
            Assert.That(DatabaseErrors.IsTransient(unique), Is.False, "a unique violation is final");
            Assert.That(DatabaseErrors.IsUniqueViolation(foreignKey), Is.False);
            Assert.That(DatabaseErrors.IsUniqueViolation(unrelated), Is.False, "message text alone decides nothing");
        });
    }

    [Test]
    public void A_busy_database_is_recognised_inside_the_exceptions_wrapping_it()
    {
        var busy = new InvalidOperationException("wrapped", new DbUpdateException("save failed", new SqliteException("database is locked", 5)));

        Assert.Multiple(() =>
        {
            Assert.That(DatabaseErrors.IsTransient(busy), Is.True);
            Assert.That(DatabaseErrors.IsUniqueViolation(busy), Is.False);
        });
    }
}
