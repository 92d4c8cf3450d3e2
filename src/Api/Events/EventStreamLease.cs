namespace Messaging.Api.Events;

/// <summary>One open stream counted by <see cref="EventStreamLimiter"/>; disposing it, once or more, gives it back.</summary>
internal sealed class EventStreamLease(Action close) : IDisposable
{
    private int _closed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            close();
        }
    }
}
