using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Runs <typeparamref name="TPurge"/> once at start and then every <see cref="IPurge.Interval"/>. Every instance of the
/// service runs its own: each round deletes by age, and finds nothing left to do when another instance was first, so
/// running it from several instances is safe and needs no coordination.
/// </summary>
internal sealed class PeriodicPurgeService<TPurge>(
    IServiceScopeFactory scopeFactory,
    TPurge purge,
    TimeProvider timeProvider,
    ILogger<TPurge> logger) : BackgroundService
    where TPurge : IPurge
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(purge.Interval, timeProvider);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var purged = await purge.PurgeAsync(scope.ServiceProvider, timeProvider.GetUtcNow(), stoppingToken);
                if (purged > 0)
                {
                    PurgeLog.Purged(logger, purged, purge.Rows);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database that is briefly unavailable must not stop the host; the next round tries again.
                PurgeLog.Failed(logger, exception, purge.Rows);
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
}
