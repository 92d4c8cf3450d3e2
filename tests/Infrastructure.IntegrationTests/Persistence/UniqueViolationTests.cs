using Microsoft.Data.Sqlite;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class UniqueViolationTests
{
    [TestCase(2601)]
    [TestCase(2627)]
    public void Sql_server_duplicate_key_errors_are_unique_violations(int number) =>
        Assert.That(UniqueViolation.IsSqlServerUniqueViolation(number), Is.True);

    [TestCase(547, Description = "foreign key or check constraint")]
    [TestCase(1205, Description = "deadlock victim")]
    [TestCase(515, Description = "NULL into a NOT NULL column")]
    [TestCase(0)]
    public void Other_sql_server_errors_are_not_unique_violations(int number) =>
        Assert.That(UniqueViolation.IsSqlServerUniqueViolation(number), Is.False);

    [Test]
    public void Sqlite_unique_constraint_is_a_unique_violation() =>
        Assert.That(UniqueViolation.IsSqliteUniqueViolation(19, 2067), Is.True);

    [TestCase(19, 787, Description = "foreign key")]
    [TestCase(19, 1299, Description = "NOT NULL")]
    [TestCase(19, 275, Description = "CHECK")]
    [TestCase(5, 5, Description = "busy")]
    public void Other_sqlite_errors_are_not_unique_violations(int errorCode, int extendedErrorCode) =>
        Assert.That(UniqueViolation.IsSqliteUniqueViolation(errorCode, extendedErrorCode), Is.False);

    [Test]
    public void PostgreSql_unique_violation_is_recognised_for_the_index_the_caller_expects()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UniqueViolation.IsPostgreSqlUniqueViolation("23505", "IX_Messages_WaSid", "IX_Messages_WaSid"), Is.True);
            Assert.That(UniqueViolation.IsPostgreSqlUniqueViolation("23505", "PK_Messages", null), Is.True, "any index when none is named");
            Assert.That(UniqueViolation.IsPostgreSqlUniqueViolation("23505", "PK_Messages", "IX_Messages_WaSid"), Is.False, "another index");
        });
    }

    [TestCase("23503", Description = "foreign key")]
    [TestCase("23502", Description = "NOT NULL")]
    [TestCase("40001", Description = "serialization failure")]
    public void Other_postgresql_errors_are_not_unique_violations(string sqlState) =>
        Assert.That(UniqueViolation.IsPostgreSqlUniqueViolation(sqlState, "IX_Messages_WaSid", "IX_Messages_WaSid"), Is.False);

    [Test]
    public void A_save_failure_is_classified_by_the_provider_exception_inside_it()
    {
        var unique = new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed: Messages.WaSid", 19, 2067));
        var foreignKey = new DbUpdateException("save failed", new SqliteException("FOREIGN KEY constraint failed", 19, 787));
        var unrelated = new DbUpdateException("save failed", new InvalidOperationException("UNIQUE constraint failed"));

        Assert.Multiple(() =>
        {
            Assert.That(UniqueViolation.IsUniqueViolation(unique), Is.True);
            Assert.That(UniqueViolation.IsUniqueViolation(foreignKey), Is.False);
            Assert.That(UniqueViolation.IsUniqueViolation(unrelated), Is.False, "message text alone decides nothing");
        });
    }
}
