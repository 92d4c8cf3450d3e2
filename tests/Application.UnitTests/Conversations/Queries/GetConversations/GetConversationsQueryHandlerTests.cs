using Messaging.Application.Conversations.Queries.GetConversations;

namespace Messaging.Application.UnitTests.Conversations.Queries.GetConversations;

public sealed class GetConversationsQueryHandlerTests
{
    private Mock<IConversationRepository> _repository = null!;
    private List<(ConversationCursor? After, int Limit)> _asked = null!;
    private List<ConversationSummary> _stored = null!;

    [SetUp]
    public void SetUp()
    {
        _asked = [];
        _stored = [];
        _repository = new Mock<IConversationRepository>(MockBehavior.Strict);
        _repository
            .Setup(r => r.List(It.IsAny<ConversationCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((ConversationCursor? after, int limit, CancellationToken _) => _asked.Add((after, limit)))
            .ReturnsAsync((ConversationCursor? _, int limit, CancellationToken _) => _stored.Take(limit).ToList());
    }

    [Test]
    public async Task Asks_for_one_row_more_than_the_page_after_the_decoded_cursor()
    {
        var cursor = new ConversationCursor(ApplicationServices.Now, "whatsapp:+14155550123");

        await Handler().Handle(new GetConversationsQuery(Limit: 20, Cursor: cursor.Encode()), CancellationToken.None);

        Assert.That(_asked.Single(), Is.EqualTo(((ConversationCursor?)cursor, 21)));
    }

    [Test]
    public async Task A_full_page_with_more_behind_it_has_a_cursor_after_its_last_conversation()
    {
        StoreNewestFirst(4);

        var page = await Handler().Handle(new GetConversationsQuery(Limit: 3), CancellationToken.None);

        Assert.That(page.Items.Select(i => i.Contact), Is.EqualTo(_stored.Take(3).Select(c => c.Contact)));
        Assert.That(ConversationCursor.TryDecode(page.NextCursor, out var cursor), Is.True);
        Assert.That(cursor, Is.EqualTo(new ConversationCursor(_stored[2].LastActivityAt, _stored[2].Contact)));
    }

    [Test]
    public async Task The_last_page_has_no_cursor_even_when_it_is_full()
    {
        StoreNewestFirst(3);

        var page = await Handler().Handle(new GetConversationsQuery(Limit: 3), CancellationToken.None);

        Assert.That(page.Items, Has.Count.EqualTo(3));
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task A_conversation_shows_its_last_message_counters_and_window()
    {
        var lastInbound = ApplicationServices.Now.AddHours(-2);
        var last = TestMessages.Outbound("SM0123456789abcdef0123456789abcdef", ApplicationServices.Now, "see you");
        _stored.Add(new ConversationSummary(TestMessages.Customer, "Ana", last, last.CreatedAt, 7, lastInbound));

        var item = (await Handler().Handle(new GetConversationsQuery(), CancellationToken.None)).Items.Single();

        Assert.Multiple(() =>
        {
            Assert.That(item.Contact, Is.EqualTo(TestMessages.Customer));
            Assert.That(item.ProfileName, Is.EqualTo("Ana"));
            Assert.That(item.LastMessage.Id, Is.EqualTo(last.Id));
            Assert.That(item.LastMessage.Body, Is.EqualTo("see you"));
            Assert.That(item.LastMessage.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(item.LastActivityAt, Is.EqualTo(last.CreatedAt));
            Assert.That(item.MessageCount, Is.EqualTo(7));
            Assert.That(item.WindowOpenUntil, Is.EqualTo(lastInbound.AddHours(24)));
        });
    }

    [Test]
    public async Task A_contact_who_never_wrote_has_no_window()
    {
        var last = TestMessages.Outbound("SM0123456789abcdef0123456789abcdef", ApplicationServices.Now);
        _stored.Add(new ConversationSummary(TestMessages.Customer, null, last, last.CreatedAt, 1, null));

        var item = (await Handler().Handle(new GetConversationsQuery(), CancellationToken.None)).Items.Single();

        Assert.That(item.WindowOpenUntil, Is.Null);
    }

    private void StoreNewestFirst(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var at = ApplicationServices.Now.AddMinutes(-i);
            var message = TestMessages.Outbound($"SM{i:D32}", at);
            _stored.Add(new ConversationSummary($"whatsapp:+1415555{i:D4}", null, message, at, 1, null));
        }
    }

    private GetConversationsQueryHandler Handler() => new(_repository.Object, TestMapper.Instance);
}
