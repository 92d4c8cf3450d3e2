namespace Messaging.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window permits per partition. On a database server they are counted in the database, so that every instance
/// shares each partition's window and the limit holds for the service (<see cref="RateWindowCounter"/>); SQLite, which
/// serves one instance, counts them in the process (<see cref="InProcessRateWindowCounter"/>).
/// </summary>
public interface IRateWindowCounter
{
    /// <summary>
    /// Takes one of <paramref name="permitLimit"/> permits of <paramref name="partition"/>'s current window (windows are
    /// <paramref name="window"/> long, counted from a fixed origin, so every instance agrees where one starts). Of any
    /// number of concurrent callers sharing the counter, at most <paramref name="permitLimit"/> get one per window.
    /// </summary>
    Task<RateWindowDecision> TryTake(string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken);
}
