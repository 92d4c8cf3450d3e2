namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class TransientWriteFailureTests
{
    [TestCase(1205, Description = "deadlock victim")]
    [TestCase(1222, Description = "lock request time-out")]
    public void Sql_server_deadlocks_and_lock_time_outs_are_worth_running_again(int number) =>
        Assert.That(TransientWriteFailure.IsSqlServerTransient(number), Is.True);

    [TestCase(2627, Description = "unique constraint")]
    [TestCase(547, Description = "foreign key or check constraint")]
    public void Other_sql_server_errors_are_not(int number) =>
        Assert.That(TransientWriteFailure.IsSqlServerTransient(number), Is.False);

    [TestCase(5, Description = "busy: the lock is held by another process")]
    [TestCase(6, Description = "locked")]
    public void Sqlite_busy_and_locked_are_worth_running_again(int errorCode) =>
        Assert.That(TransientWriteFailure.IsSqliteTransient(errorCode), Is.True);

    [TestCase(19, Description = "constraint")]
    [TestCase(13, Description = "full")]
    public void Other_sqlite_errors_are_not(int errorCode) =>
        Assert.That(TransientWriteFailure.IsSqliteTransient(errorCode), Is.False);

    [TestCase("40001", Description = "serialization failure")]
    [TestCase("40P01", Description = "deadlock detected")]
    public void PostgreSql_serialization_failures_and_deadlocks_are_worth_running_again(string sqlState) =>
        Assert.That(TransientWriteFailure.IsPostgreSqlTransient(sqlState), Is.True);

    [TestCase("23505", Description = "unique violation")]
    [TestCase("25P02", Description = "transaction already aborted")]
    [TestCase("57014", Description = "query cancelled")]
    public void Other_postgresql_errors_are_not(string sqlState) =>
        Assert.That(TransientWriteFailure.IsPostgreSqlTransient(sqlState), Is.False);

    [Test]
    public void A_busy_database_is_recognised_inside_the_exceptions_wrapping_it() =>
        Assert.That(
            TransientWriteFailure.IsTransient(new InvalidOperationException(
                "wrapped", new Microsoft.Data.Sqlite.SqliteException("database is locked", 5))),
            Is.True);
}
