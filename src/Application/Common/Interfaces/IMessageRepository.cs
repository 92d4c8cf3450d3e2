namespace Messaging.Application.Common.Interfaces;

/// <summary>Stores messages. One Twilio SID is one row, always.</summary>
public interface IMessageRepository
{
    /// <summary>
    /// Inserts <paramref name="message"/>, or, when a message with the same <see cref="Message.WaSid"/> is already
    /// stored (including one stored by a concurrent caller a moment ago), returns that stored message instead.
    /// Never throws for a duplicate SID. A message without a SID is always inserted.
    /// </summary>
    Task<AddIfAbsentResult> AddIfAbsent(Message message, CancellationToken cancellationToken);

    Task<Message?> GetById(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the stored message with Twilio SID <paramref name="waSid"/> as it is in the store now, runs
    /// <paramref name="change"/> on it and saves it when <paramref name="change"/> returns true. When another caller
    /// updated the message meanwhile, reads it again and re-runs <paramref name="change"/>, so no update is lost.
    /// Returns the message as stored afterwards, or null when no message with that SID is stored.
    /// </summary>
    Task<Message?> Update(string waSid, Func<Message, bool> change, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="Update"/>, for the message stored under <paramref name="id"/>: how a message without a SID yet
    /// (<see cref="MessageStatus.Unknown"/>) is found. Returns null when no message has that id.
    /// </summary>
    Task<Message?> UpdateById(Guid id, Func<Message, bool> change, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages still <see cref="MessageStatus.Unknown"/>, stored before <paramref name="createdBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<Message>> ListOutcomeUnknown(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken);

    /// <summary>How many messages are <see cref="MessageStatus.Unknown"/>, whatever their age.</summary>
    Task<int> CountOutcomeUnknown(CancellationToken cancellationToken);

    /// <summary>Whether a message with Twilio SID <paramref name="waSid"/> is stored.</summary>
    Task<bool> IsSidStored(string waSid, CancellationToken cancellationToken);

    /// <summary>
    /// One page of messages matching <paramref name="filter"/>, newest first by (CreatedAt, Id), starting
    /// strictly after <paramref name="after"/> when given. Returns up to <paramref name="limit"/> messages.
    /// </summary>
    Task<IReadOnlyList<Message>> List(MessageFilter filter, MessageCursor? after, int limit, CancellationToken cancellationToken);
}
