using System.Threading.Channels;
using Messaging.Application.Messages;

namespace Messaging.Infrastructure.Events;

/// <summary>One listener's queue of message events; dispose it when the listener goes away.</summary>
public sealed class MessageEventSubscription(ChannelReader<MessageDto> reader, Action unsubscribe) : IDisposable
{
    private int _disposed;

    public ChannelReader<MessageDto> Reader { get; } = reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
