using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class ConversationListingTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Paging_by_cursor_returns_every_conversation_once_most_recent_activity_first()
    {
        // 90 contacts over 30 instants: three share each last-activity time, so pages must cut through ties.
        var random = new Random(11);
        var expected = new List<(string Contact, DateTimeOffset At)>();
        foreach (var i in Enumerable.Range(0, 90).OrderBy(_ => random.Next()))
        {
            var contact = WhatsAppAddress.FromE164($"+4477009{i:D5}");
            var lastAt = Clock.GetUtcNow().AddMinutes(i / 3);
            await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), lastAt.AddMinutes(-30), from: contact));
            await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), lastAt, to: contact));
            expected.Add((contact.Value, lastAt));
        }

        var paged = new List<ConversationSummary>();
        ConversationCursor? cursor = null;
        var pages = 0;
        do
        {
            await using var scope = Database.CreateScope();
            var page = await scope.ServiceProvider.GetRequiredService<IConversationRepository>().List(cursor, 7, CancellationToken.None);
            Assert.That(page, Has.Count.LessThanOrEqualTo(7));
            paged.AddRange(page);
            cursor = page.Count == 7 ? ConversationCursor.After(page[^1]) : null;
            pages++;
        }
        while (cursor is not null);

        var newestFirst = expected
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Contact, StringComparer.Ordinal)
            .Select(e => e.Contact);
        Assert.Multiple(() =>
        {
            Assert.That(paged.Select(c => c.Contact), Is.EqualTo(newestFirst));
            Assert.That(paged.Select(c => c.MessageCount), Is.All.EqualTo(2));
            Assert.That(paged.Select(c => c.LastMessage.Direction), Is.All.EqualTo(MessageDirection.Outbound));
            Assert.That(paged.Select(c => c.LastMessage.To), Is.EqualTo(paged.Select(c => c.Contact)));
            Assert.That(pages, Is.EqualTo(13));
        });
    }

    [Test]
    public async Task New_activity_moves_a_conversation_to_the_top()
    {
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Alice));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Bob));
        var before = await ListAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), Clock.GetUtcNow(), from: TestMessages.Alice));

        var after = await ListAsync();

        Assert.That(before.Select(c => c.Contact), Is.EqualTo(new[] { TestMessages.Bob.Value, TestMessages.Alice.Value }));
        Assert.That(after.Select(c => c.Contact), Is.EqualTo(new[] { TestMessages.Alice.Value, TestMessages.Bob.Value }));
    }

    private async Task AddAsync(Message message)
    {
        await using var scope = Database.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, CancellationToken.None);
    }

    private async Task<IReadOnlyList<ConversationSummary>> ListAsync()
    {
        await using var scope = Database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationRepository>().List(null, 50, CancellationToken.None);
    }
}
