using System.Collections.Concurrent;
using System.Threading.Channels;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Messages;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// Hands every published message to every connected listener of this instance. Each listener has its own bounded
/// queue that drops its oldest entries when full, so a slow or stalled client costs a fixed amount of memory and never
/// holds up a send or a webhook; a client that lost events catches up by refetching, as it does after a reconnect.
/// </summary>
public sealed class MessageEventBroadcaster : IMessageEvents
{
    /// <summary>Events one listener may fall behind by before the oldest are dropped.</summary>
    public const int ListenerCapacity = 256;

    private readonly ConcurrentDictionary<Guid, Channel<MessageDto>> _listeners = new();

    public int ListenerCount => _listeners.Count;

    public void Publish(MessageDto message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var listener in _listeners.Values)
        {
            listener.Writer.TryWrite(message);
        }
    }

    /// <summary>Starts a listener; disposing the returned subscription ends it.</summary>
    public MessageEventSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<MessageDto>(new BoundedChannelOptions(ListenerCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        var id = Guid.NewGuid();
        _listeners[id] = channel;
        return new MessageEventSubscription(channel.Reader, () =>
        {
            _listeners.TryRemove(id, out _);
            channel.Writer.TryComplete();
        });
    }
}
