namespace Messaging.Infrastructure.Webhooks;

/// <summary>
/// Exponential backoff with full jitter: the wait after the n-th failure is drawn uniformly from zero to
/// <c>min(max, first × 2^(n-1))</c>, so receivers that failed together are not retried together.
/// </summary>
internal static class WebhookBackoff
{
    // 2^30 times any first delay is beyond any maximum worth configuring.
    private const int MaxDoublings = 30;

    public static TimeSpan Ceiling(int failures, TimeSpan first, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failures);
        var doublings = Math.Min(failures - 1, MaxDoublings);
        var ceiling = first.TotalMilliseconds * Math.Pow(2, doublings);
        return TimeSpan.FromMilliseconds(Math.Min(ceiling, max.TotalMilliseconds));
    }

    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max, Random random) =>
        Ceiling(failures, first, max) * random.NextDouble();
}
