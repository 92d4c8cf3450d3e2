using Messaging.Application.Events;

namespace Messaging.Application.Common.Interfaces;

/// <summary>Reads the outbox: committed events in the order of their positions, shared by every instance.</summary>
public interface IEventLog
{
    /// <summary>Up to <paramref name="limit"/> events with a position above <paramref name="position"/>, lowest first.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAfter(long position, int limit, CancellationToken cancellationToken);

    /// <summary>The highest position given to an event so far (0 when none ever was), purged events included.</summary>
    Task<long> Head(CancellationToken cancellationToken);
}
