using Messaging.Application.Common.Models;
using Microsoft.Data.Sqlite;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A page deep in the table must cost what the first page costs: SQLite has to seek an index to the cursor and
/// read rows already in order, never scan from the newest row or sort.
/// </summary>
public sealed class QueryPlanTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public async Task SetUp() => _database = await TestDatabase.CreateAsync();

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    public async Task A_page_after_a_cursor_seeks_the_time_index_without_sorting()
    {
        var plan = await PlanOfPageAsync(new MessageFilter());

        Assert.That(plan, Does.StartWith("SEARCH ").And.Contain(" USING INDEX IX_Messages_CreatedAt_Id (CreatedAt<?)")
            .And.Not.Contain("TEMP B-TREE"));
    }

    [Test]
    public async Task A_contact_page_after_a_cursor_seeks_the_contact_index_without_sorting()
    {
        var plan = await PlanOfPageAsync(new MessageFilter(Contact: TestMessages.Alice.Value));

        Assert.That(plan, Does.StartWith("SEARCH ").And.Contain(" USING INDEX IX_Messages_Contact_CreatedAt_Id (Contact=? AND CreatedAt<?)")
            .And.Not.Contain("TEMP B-TREE"));
    }

    [Test]
    public async Task A_status_page_after_a_cursor_seeks_the_status_index_without_sorting()
    {
        var plan = await PlanOfPageAsync(new MessageFilter(Status: MessageStatus.Failed));

        Assert.That(plan, Does.StartWith("SEARCH ").And.Contain(" USING INDEX IX_Messages_Status_CreatedAt_Id (Status=? AND CreatedAt<?)")
            .And.Not.Contain("TEMP B-TREE"));
    }

    [Test]
    public async Task A_conversation_page_after_a_cursor_seeks_the_activity_index_without_sorting()
    {
        var plan = await PlanOfAsync(async context =>
        {
            var cursor = new ConversationCursor(new FakeTimeProvider().GetUtcNow(), TestMessages.Alice.Value);
            await new ConversationRepository(context).List(cursor, 50, CancellationToken.None);
        });

        // The page is taken from the index in order (only its own few rows are scanned afterwards, as "c0"); each
        // row's newest message is a primary-key look-up.
        var lines = plan.Split(Environment.NewLine);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("SEARCH c USING INDEX IX_Conversations_LastActivityAt_Contact (LastActivityAt<?)"));
            Assert.That(lines, Does.Contain("SEARCH m USING INDEX sqlite_autoindex_Messages_1 (Id=?)"));
            Assert.That(lines, Has.None.StartsWith("SCAN c ").And.None.EqualTo("SCAN c").And.None.StartsWith("SCAN m"));
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"));
        });
    }

    [Test]
    public async Task The_window_check_reads_one_conversation_by_its_key()
    {
        var plan = await PlanOfAsync(context =>
            new ConversationRepository(context).GetLastInboundAt(TestMessages.Alice.Value, CancellationToken.None));

        Assert.That(plan, Is.EqualTo("SEARCH c USING INDEX sqlite_autoindex_Conversations_1 (Contact=?)"));
    }

    private Task<string> PlanOfPageAsync(MessageFilter filter) =>
        PlanOfAsync(async context =>
        {
            var cursor = new MessageCursor(new FakeTimeProvider().GetUtcNow(), Guid.CreateVersion7());
            await new MessageRepository(context).List(filter, cursor, 50, CancellationToken.None);
        });

    private async Task<string> PlanOfAsync(Func<SqliteMessagingDbContext, Task> query)
    {
        var interceptor = new CapturingCommandInterceptor();
        var options = new DbContextOptionsBuilder<SqliteMessagingDbContext>()
            .UseSqlite(_database.ConnectionString)
            .AddInterceptors(interceptor)
            .Options;
        await using (var context = new SqliteMessagingDbContext(options))
        {
            await query(context);
        }

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + interceptor.CommandText;
        foreach (var (name, value) in interceptor.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
