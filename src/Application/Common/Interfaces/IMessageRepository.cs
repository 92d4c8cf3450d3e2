using Messaging.Application.Common.Models;
using Messaging.Domain.Messages;

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
    /// One page of messages matching <paramref name="filter"/>, newest first by (CreatedAt, Id), starting
    /// strictly after <paramref name="after"/> when given. Returns up to <paramref name="limit"/> messages.
    /// </summary>
    Task<IReadOnlyList<Message>> List(MessageFilter filter, MessageCursor? after, int limit, CancellationToken cancellationToken);
}
