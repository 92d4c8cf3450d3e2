using Messaging.Application.Messages.Queries.GetMessages;

namespace Messaging.Application.UnitTests.Messages.Queries.GetMessages;

public sealed class GetMessagesQueryHandlerTests
{
    private Mock<IMessageRepository> _repository = null!;
    private List<(MessageFilter Filter, MessageCursor? After, int Limit)> _asked = null!;
    private List<Message> _stored = null!;

    [SetUp]
    public void SetUp()
    {
        _asked = [];
        _stored = [];
        _repository = new Mock<IMessageRepository>(MockBehavior.Strict);
        _repository
            .Setup(r => r.List(It.IsAny<MessageFilter>(), It.IsAny<MessageCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((MessageFilter filter, MessageCursor? after, int limit, CancellationToken _) => _asked.Add((filter, after, limit)))
            .ReturnsAsync((MessageFilter _, MessageCursor? _, int limit, CancellationToken _) => _stored.Take(limit).ToList());
    }

    [Test]
    public async Task Asks_for_one_row_more_than_the_page()
    {
        await Handler().Handle(new GetMessagesQuery(Limit: 20), CancellationToken.None);

        Assert.That(_asked.Single().Limit, Is.EqualTo(21));
    }

    [Test]
    public async Task A_full_page_with_more_behind_it_has_a_cursor_after_its_last_item()
    {
        StoreNewestFirst(4);

        var page = await Handler().Handle(new GetMessagesQuery(Limit: 3), CancellationToken.None);

        Assert.That(page.Items.Select(i => i.Id), Is.EqualTo(_stored.Take(3).Select(m => m.Id)));
        Assert.That(MessageCursor.TryDecode(page.NextCursor, out var cursor), Is.True);
        Assert.That(cursor, Is.EqualTo(new MessageCursor(_stored[2].CreatedAt, _stored[2].Id)));
    }

    [Test]
    public async Task The_last_page_has_no_cursor_even_when_it_is_full()
    {
        StoreNewestFirst(3);

        var page = await Handler().Handle(new GetMessagesQuery(Limit: 3), CancellationToken.None);

        Assert.That(page.Items, Has.Count.EqualTo(3));
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task An_empty_result_is_an_empty_last_page()
    {
        var page = await Handler().Handle(new GetMessagesQuery(), CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task Following_the_cursor_walks_every_message_once()
    {
        StoreNewestFirst(7);
        _repository
            .Setup(r => r.List(It.IsAny<MessageFilter>(), It.IsAny<MessageCursor?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MessageFilter _, MessageCursor? after, int limit, CancellationToken _) =>
                _stored.SkipWhile(m => after is not null && m.Id != after.Id).Skip(after is null ? 0 : 1).Take(limit).ToList());

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Handler().Handle(new GetMessagesQuery(Limit: 3, Cursor: cursor), CancellationToken.None);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(seen, Is.EqualTo(_stored.Select(m => m.Id)));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task Filters_reach_the_repository_in_canonical_form()
    {
        var after = new MessageCursor(ApplicationServices.Now, Guid.CreateVersion7(ApplicationServices.Now));

        await Handler().Handle(
            new GetMessagesQuery(" +14155550123 ", "INBOUND", "Received", 10, after.Encode()),
            CancellationToken.None);

        var asked = _asked.Single();
        Assert.That(asked.Filter, Is.EqualTo(new MessageFilter(TestMessages.Customer, MessageDirection.Inbound, MessageStatus.Received)));
        Assert.That(asked.After, Is.EqualTo(after));
    }

    [Test]
    public async Task No_filters_means_an_empty_filter()
    {
        await Handler().Handle(new GetMessagesQuery(), CancellationToken.None);

        Assert.That(_asked.Single().Filter, Is.EqualTo(new MessageFilter()));
        Assert.That(_asked.Single().After, Is.Null);
    }

    private GetMessagesQueryHandler Handler() => new(_repository.Object, TestMapper.Instance);

    private void StoreNewestFirst(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _stored.Add(TestMessages.Outbound($"SM{i}", ApplicationServices.Now.AddMinutes(-i), $"message {i}"));
        }
    }
}
