using Messaging.Application.Messages.UnknownOutcomes;
using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Runs <see cref="UnknownOutcomeReconciler"/> every <see cref="UnknownOutcomeOptions.Interval"/>. Every instance of
/// the service runs its own; the database decides which of them, or which callback, names a message. After each round
/// it counts the messages still unknown for <see cref="UnknownOutcomesOpen"/>.
/// </summary>
internal sealed partial class UnknownOutcomeService(
    IServiceScopeFactory scopeFactory,
    IServiceProvider services,
    IOptions<UnknownOutcomeOptions> options,
    TimeProvider timeProvider,
    ILogger<UnknownOutcomeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved as the host starts, so that the gauge is published from the start; a host built without the
        // application's services (the Twilio wiring alone) has none and counts nothing.
        var open = services.GetService<UnknownOutcomesOpen>();
        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopeFactory.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<UnknownOutcomeReconciler>().ReconcileAsync(stoppingToken);
                    open?.Set(await scope.ServiceProvider.GetRequiredService<IMessageRepository>().CountOutcomeUnknown(stoppingToken));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database or Twilio briefly unavailable must not stop the host; the next round tries again.
                    LogRoundFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling messages sent with an unknown outcome failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
