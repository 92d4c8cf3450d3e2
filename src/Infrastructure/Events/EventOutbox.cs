using System.Text.Json;
using Messaging.Application.Events;
using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// Hands events to the unit of work that is running; the <see cref="DatabaseWriter"/> writes them in the unit's
/// transaction, positioned, just before it commits (see <see cref="OutboxWrites"/>).
/// </summary>
internal sealed class EventOutbox(TimeProvider timeProvider) : IEventOutbox
{
    public void Add(string type, string conversationKey, object data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationKey);
        ArgumentNullException.ThrowIfNull(data);
        var session = WriteSession.Current
            ?? throw new InvalidOperationException("An event is recorded inside a unit of work, in the transaction of the change it announces.");
        session.Events.Add(new PendingEvent(
            Guid.CreateVersion7(timeProvider.GetUtcNow()),
            type,
            conversationKey,
            timeProvider.GetUtcNow(),
            JsonSerializer.Serialize(data, data.GetType(), EventJson.Options)));
    }
}
