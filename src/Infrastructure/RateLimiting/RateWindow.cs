namespace Messaging.Infrastructure.RateLimiting;

/// <summary>
/// How many permits one partition (an API key's name) has taken in its current fixed window. One row per partition,
/// started again by the first request of a later window, so the table holds as many rows as there are keys.
/// </summary>
internal sealed class RateWindow
{
    public string Partition { get; set; } = string.Empty;

    public DateTimeOffset WindowStart { get; set; }

    public int Count { get; set; }
}
