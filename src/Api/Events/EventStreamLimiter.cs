namespace Messaging.Api.Events;

/// <summary>
/// Counts the event streams each API key holds open on this instance, so that one key cannot take every connection
/// and leave none for the others, Twilio's webhooks included.
/// </summary>
internal sealed class EventStreamLimiter(IOptionsMonitor<EventStreamOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Takes one of <paramref name="keyName"/>'s streams; null when it already holds as many as allowed.</summary>
    public IDisposable? TryOpen(string keyName)
    {
        var max = options.CurrentValue.MaxStreamsPerKey;
        lock (_open)
        {
            var open = _open.GetValueOrDefault(keyName);
            if (open >= max)
            {
                return null;
            }

            _open[keyName] = open + 1;
        }

        return new EventStreamLease(() => Close(keyName));
    }

    public int OpenStreams(string keyName)
    {
        lock (_open)
        {
            return _open.GetValueOrDefault(keyName);
        }
    }

    private void Close(string keyName)
    {
        lock (_open)
        {
            if (_open[keyName] == 1)
            {
                _open.Remove(keyName);
            }
            else
            {
                _open[keyName]--;
            }
        }
    }
}
