using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The writer's hand-written statements against the model, per provider: an insert that left out a column, or named
/// the computed contact, would only show up at run time, and on SQL Server not before production.
/// </summary>
public sealed partial class MessageWriteSqlTests
{
    [Test]
    public void The_sqlite_insert_writes_every_stored_column_of_a_message_but_the_computed_contact() =>
        AssertTheInsertWritesEveryStoredColumnButTheComputedContact(UnopenedContexts.Sqlite);

    [Test]
    public void The_sql_server_insert_writes_every_stored_column_of_a_message_but_the_computed_contact() =>
        AssertTheInsertWritesEveryStoredColumnButTheComputedContact(UnopenedContexts.SqlServer);

    [Test]
    public void The_sql_server_insert_takes_the_sid_only_when_no_message_holds_it_under_a_range_lock() =>
        Assert.That(
            MessageWriteSql.SqlServerInsert,
            Does.Contain("NOT EXISTS (SELECT 1 FROM [Messages] WITH (UPDLOCK, HOLDLOCK) WHERE [WaSid] = @waSid)"));

    // SQLite and PostgreSQL skip any conflict (ON CONFLICT DO NOTHING); SQL Server has to be told of the id too, or a
    // unit run again after a lost commit answer fails on the primary key (LostCommitAnswerTests runs it on SQLite).
    [Test]
    public void The_sql_server_insert_skips_a_message_whose_id_is_stored() =>
        Assert.That(
            MessageWriteSql.SqlServerInsert,
            Does.Contain("WHERE NOT EXISTS (SELECT 1 FROM [Messages] WITH (UPDLOCK, HOLDLOCK) WHERE [Id] = @id)"));

    [TestCase(MessageWriteSql.SqlitePendingExists)]
    [TestCase(MessageWriteSql.SqlServerPendingExists)]
    public void The_pending_status_probe_reads_by_the_indexed_sid(string sql) =>
        Assert.That(sql, Does.Contain("\"WaSid\" = @waSid").Or.Contain("[WaSid] = @waSid"));

    private static void AssertTheInsertWritesEveryStoredColumnButTheComputedContact(Func<MessagingDbContext> open)
    {
        using var context = open();

        Assert.That(InsertedColumns(MessageWriteSql.Insert(context)), Is.EquivalentTo(WritableColumns(context)));
    }

    private static IEnumerable<string> WritableColumns(DbContext context)
    {
        var messages = context.Model.FindEntityType(typeof(Message))!;
        var table = StoreObjectIdentifier.Table(messages.GetTableName()!);
        var columns = messages.GetProperties()
            .Where(p => p.GetComputedColumnSql(table) is null)
            .Select(p => p.GetColumnName(table)!);
        var media = messages.GetNavigations().Single(n => n.Name == nameof(Message.Media)).TargetEntityType.GetContainerColumnName()!;
        return columns.Append(media);
    }

    private static List<string> InsertedColumns(string sql)
    {
        var list = ColumnList().Match(sql).Groups["columns"].Value;
        return [.. list.Split(',').Select(c => c.Trim().Trim('"', '[', ']'))];
    }

    [GeneratedRegex(@"INSERT INTO \S+ \((?<columns>[^)]*)\)")]
    private static partial Regex ColumnList();
}
