using Messaging.Application.Common.Models;
using Microsoft.EntityFrameworkCore.Storage;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>The conversation row each insert maintains, on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class ConversationTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Messages_in_both_directions_count_in_one_conversation_whose_last_message_is_the_newest()
    {
        var inboundAt = Clock.GetUtcNow();
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), inboundAt, profileName: "Alice A."));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var reply = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), body: "reply"));

        var conversation = await SingleConversationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(conversation.Contact, Is.EqualTo(TestMessages.Alice.Value));
            Assert.That(conversation.MessageCount, Is.EqualTo(2));
            Assert.That(conversation.LastMessage.Id, Is.EqualTo(reply.Id));
            Assert.That(conversation.LastMessage.Body, Is.EqualTo("reply"));
            Assert.That(conversation.LastActivityAt, Is.EqualTo(reply.CreatedAt));
            Assert.That(conversation.LastInboundAt, Is.EqualTo(inboundAt));
            Assert.That(conversation.ProfileName, Is.EqualTo("Alice A."));
        });
    }

    [Test]
    public async Task Each_insert_answers_the_conversation_row_as_it_left_it_and_a_duplicate_answers_none()
    {
        var inboundAt = Clock.GetUtcNow();
        var first = await AddInOwnScopeAsync(TestMessages.Inbound(TestMessages.NewSid(), inboundAt, profileName: "Alice A."));
        var older = await AddInOwnScopeAsync(TestMessages.Outbound(TestMessages.NewSid(), inboundAt.AddMinutes(-5)));
        var again = await AddInOwnScopeAsync(TestMessages.Inbound(first.Message.WaSid!, inboundAt));

        var stored = await SingleConversationAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.Conversation, Is.EqualTo(new ConversationCounters(TestMessages.Alice.Value, "Alice A.", first.Message.Id, inboundAt, 1, inboundAt)));
            Assert.That(older.Conversation, Is.EqualTo(new ConversationCounters(
                stored.Contact, stored.ProfileName, stored.LastMessage.Id, stored.LastActivityAt, stored.MessageCount, stored.LastInboundAt)));
            Assert.That(older.Conversation!.LastMessageId, Is.EqualTo(first.Message.Id), "the older message counts but is not the newest");
            Assert.That(older.Conversation.MessageCount, Is.EqualTo(2));
            Assert.That(again.Inserted, Is.False);
            Assert.That(again.Conversation, Is.Null);
        });
    }

    [Test]
    public async Task Contacts_get_separate_conversations()
    {
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Alice));
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Bob));
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), Clock.GetUtcNow(), from: TestMessages.Bob));

        var conversations = await ListAllAsync();

        Assert.That(
            conversations.Select(c => (c.Contact, c.MessageCount)),
            Is.EquivalentTo(new[] { (TestMessages.Alice.Value, 1), (TestMessages.Bob.Value, 2) }));
    }

    [Test]
    public async Task A_message_arriving_late_with_an_older_time_counts_but_does_not_become_the_last_message()
    {
        var now = Clock.GetUtcNow();
        var newer = await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), now, profileName: "Newer name"));
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), now.AddMinutes(-10), profileName: "Older name"));
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), now.AddMinutes(-5)));

        var conversation = await SingleConversationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(conversation.MessageCount, Is.EqualTo(3));
            Assert.That(conversation.LastMessage.Id, Is.EqualTo(newer.Id));
            Assert.That(conversation.LastActivityAt, Is.EqualTo(now));
            Assert.That(conversation.LastInboundAt, Is.EqualTo(now));
            Assert.That(conversation.ProfileName, Is.EqualTo("Newer name"));
        });
    }

    [Test]
    public async Task Messages_at_the_same_instant_agree_with_the_thread_on_which_is_last_whatever_the_insert_order()
    {
        var at = Clock.GetUtcNow();
        var messages = Enumerable.Range(0, 12)
            .Select(i => TestMessages.Outbound(TestMessages.NewSid(), at, body: $"tied {i}"))
            .ToList();
        // SQLite stores ids as upper-case text and PostgreSQL compares uuids byte by byte in their written order, so this is
        // the thread's order on both; rotated so that the winner is neither
        // the first nor the last insert, which "first wins" or "last wins" would get right by accident.
        var threadOrder = messages.OrderByDescending(m => m.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal).ToList();
        foreach (var message in threadOrder.Skip(6).Concat(threadOrder.Take(6)))
        {
            await AddAsync(message);
        }

        var conversation = await SingleConversationAsync();
        await using var scope = Database.CreateScope();
        var thread = await scope.ServiceProvider.GetRequiredService<IMessageRepository>()
            .List(new MessageFilter(Contact: TestMessages.Alice.Value), null, 1, CancellationToken.None);

        Assert.That(thread.Single().Id, Is.EqualTo(threadOrder[0].Id));
        Assert.That(conversation.LastMessage.Id, Is.EqualTo(threadOrder[0].Id));
        Assert.That(conversation.MessageCount, Is.EqualTo(12));
    }

    [Test]
    public async Task The_profile_name_follows_the_latest_inbound_message_that_carries_one()
    {
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), Clock.GetUtcNow(), profileName: "Ali"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), Clock.GetUtcNow(), profileName: "Alice"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), Clock.GetUtcNow(), profileName: null));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow()));

        var conversation = await SingleConversationAsync();

        Assert.That(conversation.ProfileName, Is.EqualTo("Alice"));
        Assert.That(conversation.LastInboundAt, Is.EqualTo(Clock.GetUtcNow().AddMinutes(-1)));
    }

    [Test]
    public async Task A_contact_we_only_wrote_to_has_no_inbound_time_and_no_profile_name()
    {
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow()));

        var conversation = await SingleConversationAsync();
        var lastInboundAt = await LastInboundAtAsync(TestMessages.Alice.Value);

        Assert.Multiple(() =>
        {
            Assert.That(conversation.LastInboundAt, Is.Null);
            Assert.That(conversation.ProfileName, Is.Null);
            Assert.That(lastInboundAt, Is.Null);
        });
    }

    [Test]
    public async Task The_last_inbound_time_is_read_per_contact_and_is_null_for_a_stranger()
    {
        var aliceWroteAt = Clock.GetUtcNow();
        await AddAsync(TestMessages.Inbound(TestMessages.NewSid(), aliceWroteAt));

        Assert.Multiple(async () =>
        {
            Assert.That(await LastInboundAtAsync(TestMessages.Alice.Value), Is.EqualTo(aliceWroteAt));
            Assert.That(await LastInboundAtAsync(TestMessages.Bob.Value), Is.Null);
        });
    }

    [Test]
    public async Task A_duplicate_sid_does_not_count_twice_or_change_the_last_message()
    {
        var sid = TestMessages.NewSid();
        var original = await AddAsync(TestMessages.Inbound(sid, Clock.GetUtcNow(), profileName: "Original"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var duplicate = await AddInOwnScopeAsync(TestMessages.Inbound(sid, Clock.GetUtcNow(), profileName: "Replayed"));
        var conversation = await SingleConversationAsync();

        Assert.Multiple(() =>
        {
            Assert.That(duplicate.Inserted, Is.False);
            Assert.That(conversation.MessageCount, Is.EqualTo(1));
            Assert.That(conversation.LastMessage.Id, Is.EqualTo(original.Id));
            Assert.That(conversation.LastActivityAt, Is.EqualTo(original.CreatedAt));
            Assert.That(conversation.LastInboundAt, Is.EqualTo(original.CreatedAt));
            Assert.That(conversation.ProfileName, Is.EqualTo("Original"));
        });
    }

    [Test]
    public async Task A_send_twilio_rejected_counts_in_its_conversation()
    {
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var rejected = await AddAsync(Message.Rejected(
            TestMessages.Sender, TestMessages.Alice, "late", null, null, 63016, "Outside the window", Clock.GetUtcNow()));

        var conversation = await SingleConversationAsync();

        Assert.That(conversation.MessageCount, Is.EqualTo(2));
        Assert.That(conversation.LastMessage.Id, Is.EqualTo(rejected.Id));
        Assert.That(conversation.LastMessage.Status, Is.EqualTo(MessageStatus.Failed));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Concurrent_inserts_for_one_contact_count_every_message(CancellationToken cancellationToken)
    {
        const int callers = 32;
        var messages = Enumerable.Range(0, callers)
            .Select(i => i % 2 == 0
                ? TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow().AddSeconds(i % 7), body: $"out {i}")
                : TestMessages.Inbound(TestMessages.NewSid(), Clock.GetUtcNow().AddSeconds(i % 7), profileName: "Alice", body: $"in {i}"))
            .ToList();

        var results = await RunConcurrentlyAsync(messages, cancellationToken);

        var conversation = await SingleConversationAsync();
        var newest = messages.Max(m => m.CreatedAt);
        await using var scope = Database.CreateScope();
        var thread = await scope.ServiceProvider.GetRequiredService<IMessageRepository>()
            .List(new MessageFilter(Contact: TestMessages.Alice.Value), null, 1, cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(results.All(r => r.Inserted), Is.True);
            Assert.That(conversation.MessageCount, Is.EqualTo(callers));
            Assert.That(conversation.LastActivityAt, Is.EqualTo(newest));
            Assert.That(conversation.LastMessage.Id, Is.EqualTo(thread.Single().Id));
            Assert.That(conversation.LastInboundAt, Is.EqualTo(messages.Where(m => m.Direction == MessageDirection.Inbound).Max(m => m.CreatedAt)));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Concurrent_inserts_of_one_sid_count_one_message(CancellationToken cancellationToken)
    {
        const int callers = 32;
        var sid = TestMessages.NewSid();
        var messages = Enumerable.Range(0, callers)
            .Select(i => TestMessages.Inbound(sid, Clock.GetUtcNow().AddSeconds(i), body: $"attempt {i}"))
            .ToList();

        var results = await RunConcurrentlyAsync(messages, cancellationToken);

        var winner = results.Single(r => r.Inserted).Message;
        var conversation = await SingleConversationAsync();
        Assert.Multiple(() =>
        {
            Assert.That(conversation.MessageCount, Is.EqualTo(1));
            Assert.That(conversation.LastMessage.Id, Is.EqualTo(winner.Id));
            Assert.That(conversation.LastInboundAt, Is.EqualTo(winner.CreatedAt));
        });
    }

    [Test]
    public async Task A_message_inside_a_callers_transaction_is_counted_only_when_that_transaction_commits()
    {
        await AddInCallersTransactionAsync(transaction => transaction.RollbackAsync());

        Assert.That(await ListAllAsync(), Is.Empty);

        await AddInCallersTransactionAsync(transaction => transaction.CommitAsync());

        Assert.That((await SingleConversationAsync()).MessageCount, Is.EqualTo(1));
    }

    /// <summary>Adds a message inside a transaction of the caller's, which <paramref name="end"/> then commits or rolls back.</summary>
    private async Task AddInCallersTransactionAsync(Func<IDbContextTransaction, Task> end)
    {
        await using var scope = Database.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
        await using var transaction = await context.Database.BeginTransactionAsync();
        await repository.AddIfAbsent(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow()), CancellationToken.None);
        await end(transaction);
    }

    private Task<AddIfAbsentResult[]> RunConcurrentlyAsync(List<Message> messages, CancellationToken cancellationToken) =>
        Race.InScopesAsync(
            messages.Select(_ => Database.CreateScope()).ToList(),
            (services, i) => services.GetRequiredService<IMessageRepository>().AddIfAbsent(messages[i], cancellationToken),
            cancellationToken);

    private async Task<Message> AddAsync(Message message)
    {
        var result = await AddInOwnScopeAsync(message);
        Assert.That(result.Inserted, Is.True);
        return result.Message;
    }

    private async Task<AddIfAbsentResult> AddInOwnScopeAsync(Message message)
    {
        await using var scope = Database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, CancellationToken.None);
    }

    private async Task<ConversationSummary> SingleConversationAsync()
    {
        var all = await ListAllAsync();
        Assert.That(all, Has.Count.EqualTo(1));
        return all[0];
    }

    private async Task<IReadOnlyList<ConversationSummary>> ListAllAsync()
    {
        await using var scope = Database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationRepository>().List(null, 200, CancellationToken.None);
    }

    private async Task<DateTimeOffset?> LastInboundAtAsync(string contact)
    {
        await using var scope = Database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationRepository>().GetLastInboundAt(contact, CancellationToken.None);
    }
}
