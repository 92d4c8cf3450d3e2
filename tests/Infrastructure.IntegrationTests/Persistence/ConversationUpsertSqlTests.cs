using System.Text.RegularExpressions;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The SQLite statement runs for real in the repository tests; SQL Server's cannot run here, so its text is held to
/// what makes it correct under concurrency.
/// </summary>
public sealed partial class ConversationUpsertSqlTests
{
    [Test]
    public void Each_provider_gets_its_own_statement()
    {
        using var sqlServer = UnopenedContexts.SqlServer();
        using var sqlite = UnopenedContexts.Sqlite();
        using var postgreSql = UnopenedContexts.PostgreSql();

        Assert.Multiple(() =>
        {
            Assert.That(ConversationUpsertSql.For(sqlServer.Database), Is.EqualTo(ConversationUpsertSql.SqlServer));
            Assert.That(ConversationUpsertSql.For(sqlite.Database), Is.EqualTo(ConversationUpsertSql.Sqlite));
            Assert.That(ConversationUpsertSql.For(postgreSql.Database), Is.EqualTo(ConversationUpsertSql.PostgreSql));
            Assert.That(ConversationUpsertSql.PostgreSql, Does.Contain("GREATEST(").And.Not.Contain("MAX("));
            Assert.That(() => ConversationUpsertSql.For("Microsoft.EntityFrameworkCore.InMemory"), Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public void Sql_server_merges_under_a_range_lock_so_two_first_messages_cannot_both_insert()
    {
        var sql = ConversationUpsertSql.SqlServer;

        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.StartWith("MERGE [Conversations] WITH (HOLDLOCK) AS [c]"));
            Assert.That(sql, Does.Contain("ON [c].[Contact] = [m].[Contact]"));
            Assert.That(sql, Does.Contain("WHEN MATCHED THEN UPDATE SET"));
            Assert.That(sql, Does.Contain("[MessageCount] = [c].[MessageCount] + 1"));
            Assert.That(sql, Does.Contain("WHEN NOT MATCHED THEN"));
            Assert.That(sql.TrimEnd(), Does.EndWith(";"), "SQL Server requires MERGE to end with a semicolon.");
        });
    }

    [TestCase(ConversationUpsertSql.Sqlite, TestName = "Sqlite")]
    [TestCase(ConversationUpsertSql.SqlServer, TestName = "SqlServer")]
    public void Reads_the_message_by_its_id_as_the_only_parameter(string sql)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Placeholder().Matches(sql).Select(m => m.Value).Distinct(), Is.EqualTo(new[] { "{0}" }));
            Assert.That(sql, Does.Contain("WHERE \"Id\" = {0}").Or.Contain("WHERE [Id] = {0}"));
        });
    }

    [TestCase(ConversationUpsertSql.Sqlite, TestName = "Sqlite")]
    [TestCase(ConversationUpsertSql.SqlServer, TestName = "SqlServer")]
    public void Sets_every_column_of_the_conversation(string sql)
    {
        foreach (var column in new[] { "ProfileName", "LastMessageId", "LastActivityAt", "MessageCount", "LastInboundAt" })
        {
            Assert.That(sql, Does.Match($@"[\[""]{column}[\]""] = "), column);
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
