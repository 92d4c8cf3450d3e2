using Messaging.Application.Common.Models;
using Messaging.Domain.Messages;
using Messaging.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A page deep in the table must cost what the first page costs: SQLite has to seek an index to the cursor and
/// read rows already in order, never scan from the newest row or sort.
/// </summary>
public sealed class QueryPlanTests
{
    private SqliteTestDatabase _database = null!;

    [SetUp]
    public async Task SetUp() => _database = await SqliteTestDatabase.CreateAsync();

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

    private async Task<string> PlanOfPageAsync(MessageFilter filter)
    {
        var interceptor = new CapturingCommandInterceptor();
        var options = new DbContextOptionsBuilder<SqliteMessagingDbContext>()
            .UseSqlite($"Data Source={_database.FilePath}")
            .AddInterceptors(interceptor)
            .Options;
        await using (var context = new SqliteMessagingDbContext(options))
        {
            var cursor = new MessageCursor(new FakeTimeProvider().GetUtcNow(), Guid.CreateVersion7());
            await new MessageRepository(context).List(filter, cursor, 50, CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={_database.FilePath}");
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
