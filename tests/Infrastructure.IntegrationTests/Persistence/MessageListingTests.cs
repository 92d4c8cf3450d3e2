using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class MessageListingTests(string provider) : DatabaseFixture(provider)
{
    private const int TiedPerInstant = 5;

    private AsyncServiceScope _scope;
    private IMessageRepository _repository = null!;

    [SetUp]
    public void OpenScope()
    {
        _scope = Database.CreateScope();
        _repository = _scope.ServiceProvider.GetRequiredService<IMessageRepository>();
    }

    [TearDown]
    public async Task CloseScope() => await _scope.DisposeAsync();

    [Test]
    public async Task Lists_newest_first()
    {
        var older = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), body: "older"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), body: "newer"));

        var page = await _repository.List(new MessageFilter(), null, 10, CancellationToken.None);

        Assert.That(page.Select(m => m.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
    }

    [Test]
    public async Task Paging_through_ties_returns_every_message_once_newest_first()
    {
        var stored = await AddTiedOutboundAsync(instants: 5, TestMessages.Alice);

        var paged = await PageThroughAsync(new MessageFilter(), limit: 4);

        AssertSameRowsInOneOrder(paged, stored, new MessageFilter());
    }

    [Test]
    public async Task Paging_a_contact_through_ties_returns_every_message_of_that_contact_once_newest_first()
    {
        var alice = await AddTiedOutboundAsync(instants: 4, TestMessages.Alice);
        await AddTiedOutboundAsync(instants: 4, TestMessages.Bob);
        var filter = new MessageFilter(Contact: TestMessages.Alice.Value);

        var paged = await PageThroughAsync(filter, limit: 3);

        AssertSameRowsInOneOrder(paged, alice, filter);
    }

    [Test]
    public async Task Paging_a_status_through_ties_returns_every_message_with_that_status_once()
    {
        var delivered = await AddTiedOutboundAsync(instants: 3, TestMessages.Alice, MessageStatus.Delivered);
        await AddTiedOutboundAsync(instants: 3, TestMessages.Alice, MessageStatus.Sent);
        var filter = new MessageFilter(Status: MessageStatus.Delivered);

        var paged = await PageThroughAsync(filter, limit: 4);

        AssertSameRowsInOneOrder(paged, delivered, filter);
    }

    [Test]
    public async Task The_last_page_is_short_and_nothing_follows_it()
    {
        await AddTiedOutboundAsync(instants: 2, TestMessages.Alice);

        var first = await _repository.List(new MessageFilter(), null, 7, CancellationToken.None);
        var last = await _repository.List(new MessageFilter(), MessageCursor.After(first[^1]), 7, CancellationToken.None);
        var beyond = await _repository.List(new MessageFilter(), MessageCursor.After(last[^1]), 7, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(7));
            Assert.That(last, Has.Count.EqualTo(3));
            Assert.That(beyond, Is.Empty);
        });
    }

    [Test]
    public async Task Contact_filter_matches_the_other_party_in_both_directions()
    {
        var toAlice = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Alice));
        var toBob = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Bob));
        var fromAlice = await InsertInboundAsync(TestMessages.Alice, TestMessages.Sender);

        var alice = await _repository.List(new MessageFilter(Contact: TestMessages.Alice.Value), null, 10, CancellationToken.None);
        var bob = await _repository.List(new MessageFilter(Contact: TestMessages.Bob.Value), null, 10, CancellationToken.None);
        var sender = await _repository.List(new MessageFilter(Contact: TestMessages.Sender.Value), null, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(alice.Select(m => m.Id), Is.EquivalentTo(new[] { toAlice.Id, fromAlice }));
            Assert.That(bob.Select(m => m.Id), Is.EquivalentTo(new[] { toBob.Id }));
            Assert.That(sender, Is.Empty, "our own number is never the other party");
        });
    }

    [Test]
    public async Task Direction_filter_returns_only_that_direction()
    {
        var outbound = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow()));
        var inbound = await InsertInboundAsync(TestMessages.Bob, TestMessages.Sender);

        var outboundPage = await _repository.List(new MessageFilter(Direction: MessageDirection.Outbound), null, 10, CancellationToken.None);
        var inboundPage = await _repository.List(new MessageFilter(Direction: MessageDirection.Inbound), null, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outboundPage.Select(m => m.Id), Is.EqualTo(new[] { outbound.Id }));
            Assert.That(inboundPage.Select(m => m.Id), Is.EqualTo(new[] { inbound }));
            Assert.That(inboundPage[0].Contact, Is.EqualTo(TestMessages.Bob.Value));
        });
    }

    [Test]
    public async Task Filters_combine()
    {
        var wanted = await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Alice, status: MessageStatus.Failed));
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Alice, status: MessageStatus.Sent));
        await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: TestMessages.Bob, status: MessageStatus.Failed));
        await InsertInboundAsync(TestMessages.Alice, TestMessages.Sender);

        var page = await _repository.List(
            new MessageFilter(TestMessages.Alice.Value, MessageDirection.Outbound, MessageStatus.Failed), null, 10, CancellationToken.None);

        Assert.That(page.Select(m => m.Id), Is.EqualTo(new[] { wanted.Id }));
    }

    private async Task<Message> AddAsync(Message message) =>
        (await _repository.AddIfAbsent(message, CancellationToken.None)).Message;

    // Several messages share each instant, so page boundaries fall inside runs of equal CreatedAt.
    private async Task<List<Message>> AddTiedOutboundAsync(int instants, WhatsAppAddress to, MessageStatus status = MessageStatus.Queued)
    {
        var stored = new List<Message>();
        for (var i = 0; i < instants; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            for (var j = 0; j < TiedPerInstant; j++)
            {
                stored.Add(await AddAsync(TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow(), to: to, status: status)));
            }
        }

        return stored;
    }

    private async Task<List<Message>> PageThroughAsync(MessageFilter filter, int limit)
    {
        var all = new List<Message>();
        MessageCursor? cursor = null;
        while (true)
        {
            var page = await _repository.List(filter, cursor, limit, CancellationToken.None);
            Assert.That(page, Has.Count.LessThanOrEqualTo(limit));
            all.AddRange(page);
            if (page.Count < limit)
            {
                return all;
            }

            cursor = MessageCursor.After(page[^1]);
        }
    }

    private void AssertSameRowsInOneOrder(List<Message> paged, List<Message> expected, MessageFilter filter)
    {
        var ids = paged.Select(m => m.Id).ToList();
        var createdAt = paged.Select(m => m.CreatedAt).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.EquivalentTo(expected.Select(m => m.Id)));
            Assert.That(createdAt, Is.Ordered.Descending);
        });

        // One page large enough for everything fixes the database's order among ties; paging must follow it exactly.
        var unpaged = _repository.List(filter, null, expected.Count + 1, CancellationToken.None).GetAwaiter().GetResult();
        Assert.That(ids, Is.EqualTo(unpaged.Select(m => m.Id)));
    }

    // The contact column is computed by the database; an inbound row proves it picks the sender.
    private async Task<Guid> InsertInboundAsync(WhatsAppAddress from, WhatsAppAddress to)
    {
        var message = Message.Inbound(TestMessages.NewSid(), from, to, "hi", null, "Customer", Clock.GetUtcNow());
        var result = await _repository.AddIfAbsent(message, CancellationToken.None);
        return result.Message.Id;
    }
}
