namespace Messaging.Infrastructure.RateLimiting;

/// <summary>
/// The same fixed windows as <see cref="RateWindowCounter"/>, kept in this process: for SQLite, which serves one
/// instance, where a durable write per send would only add a commit to every send's wait.
/// </summary>
internal sealed class InProcessRateWindowCounter(TimeProvider timeProvider) : IRateWindowCounter
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<RateWindowDecision> TryTake(string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);

        var now = timeProvider.GetUtcNow();
        var start = FixedWindow.StartOf(now, window);
        lock (_lock)
        {
            var count = _windows.TryGetValue(partition, out var current) && current.Start >= start ? current.Count : 0;
            if (count >= permitLimit)
            {
                return Task.FromResult(new RateWindowDecision(false, start + window - now));
            }

            _windows[partition] = (start, count + 1);
            return Task.FromResult(RateWindowDecision.Granted);
        }
    }
}
