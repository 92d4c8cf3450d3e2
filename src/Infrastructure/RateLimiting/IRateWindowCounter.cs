namespace Messaging.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window permits counted in the database, so that every instance of the service on one database shares each
/// partition's window: the limit holds for the service, not per process.
/// </summary>
public interface IRateWindowCounter
{
    /// <summary>
    /// Takes one of <paramref name="permitLimit"/> permits of <paramref name="partition"/>'s current window (windows are
    /// <paramref name="window"/> long, counted from a fixed origin, so every instance agrees where one starts). Of any
    /// number of concurrent callers, on any instance, at most <paramref name="permitLimit"/> get one per window.
    /// </summary>
    Task<RateWindowDecision> TryTake(string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken);
}
