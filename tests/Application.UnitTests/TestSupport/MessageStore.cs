namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>
/// Strict mocks of the message and pending-status ports over a list of messages and pending statuses, recording the
/// order of the calls the handlers make.
/// </summary>
public sealed class MessageStore
{
    private readonly List<Message> _messages = [];
    private readonly List<PendingStatusUpdate> _pending = [];

    public MessageStore()
    {
        Messages = new Mock<IMessageRepository>(MockBehavior.Strict);
        Messages
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Message message, CancellationToken _) =>
            {
                Calls.Add("add message");
                var stored = message.WaSid is null ? null : _messages.SingleOrDefault(m => m.WaSid == message.WaSid);
                if (stored is not null)
                {
                    return new AddIfAbsentResult(stored, Inserted: false);
                }

                _messages.Add(message);
                return new AddIfAbsentResult(message, Inserted: true);
            });
        Messages
            .Setup(r => r.Update(It.IsAny<string>(), It.IsAny<Func<Message, bool>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string sid, Func<Message, bool> change, CancellationToken _) =>
            {
                Calls.Add("update message");
                BeforeUpdate?.Invoke();
                var stored = _messages.SingleOrDefault(m => m.WaSid == sid);
                if (stored is not null)
                {
                    change(stored);
                }

                return stored;
            });

        Messages
            .Setup(r => r.UpdateById(It.IsAny<Guid>(), It.IsAny<Func<Message, bool>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid id, Func<Message, bool> change, CancellationToken _) =>
            {
                Calls.Add("update message by id");
                var stored = _messages.SingleOrDefault(m => m.Id == id);
                if (stored is not null)
                {
                    change(stored);
                }

                return stored;
            });
        Messages
            .Setup(r => r.ListOutcomeUnknown(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DateTimeOffset before, int limit, CancellationToken _) =>
                [.. _messages.Where(m => m.Status == MessageStatus.Unknown && m.CreatedAt < before).OrderBy(m => m.CreatedAt).Take(limit)]);
        Messages
            .Setup(r => r.IsSidStored(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string sid, CancellationToken _) => _messages.Any(m => m.WaSid == sid));

        Pending = new Mock<IPendingStatusUpdateRepository>(MockBehavior.Strict);
        Pending
            .Setup(p => p.FindSidFor(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid id, CancellationToken _) => _pending.FirstOrDefault(p => p.MessageId == id)?.WaSid);
        Pending
            .Setup(p => p.Add(It.IsAny<PendingStatusUpdate>(), It.IsAny<CancellationToken>()))
            .Callback((PendingStatusUpdate update, CancellationToken token) =>
            {
                Calls.Add("add pending");
                TokensSeenByPendingAdd.Add(token);
                _pending.Add(update);
            })
            .Returns(Task.CompletedTask);
        Pending
            .Setup(p => p.ListFor(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string sid, CancellationToken _) =>
            {
                Calls.Add("list pending");
                return [.. _pending.Where(p => p.WaSid == sid)];
            });
        Pending
            .Setup(p => p.Remove(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyCollection<Guid> ids, CancellationToken _) =>
            {
                Calls.Add("remove pending");
                _pending.RemoveAll(p => ids.Contains(p.Id));
            })
            .Returns(Task.CompletedTask);
    }

    public Mock<IMessageRepository> Messages { get; }

    public Mock<IPendingStatusUpdateRepository> Pending { get; }

    public List<string> Calls { get; } = [];

    public List<CancellationToken> TokensSeenByPendingAdd { get; } = [];

    /// <summary>Runs inside every update, before the message is looked up: lets a test store a message "meanwhile".</summary>
    public Action? BeforeUpdate { get; set; }

    public IReadOnlyList<Message> StoredMessages => _messages;

    public IReadOnlyList<PendingStatusUpdate> PendingUpdates => _pending;

    public void Store(Message message) => _messages.Add(message);

    public void StorePending(PendingStatusUpdate update) => _pending.Add(update);
}
