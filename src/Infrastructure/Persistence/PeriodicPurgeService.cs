using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Deletes rows that are no longer needed, once at start and then every <see cref="Interval"/>. Every instance of the
/// service runs its own: each round is one delete by age, which finds nothing left to do when another instance was
/// first, so running it from several instances is safe and needs no coordination.
/// </summary>
internal abstract partial class PeriodicPurgeService(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, ILogger logger)
    : BackgroundService
{
    /// <summary>Time between two rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a round deletes, for the log ("expired idempotency keys").</summary>
    protected abstract string Rows { get; }

    /// <summary>One round, in a scope of its own; returns how many rows it deleted.</summary>
    protected abstract Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var purged = await PurgeAsync(scope.ServiceProvider, timeProvider.GetUtcNow(), stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged, Rows);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database that is briefly unavailable must not stop the host; the next round tries again.
                LogPurgeFailed(logger, exception, Rows);
            }
        }
        while (await WaitForNextRound(timer, stoppingToken));
    }

    private static async Task<bool> WaitForNextRound(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} {Rows}")]
    private static partial void LogPurged(ILogger logger, int count, string rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting {Rows} failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, string rows);
}
