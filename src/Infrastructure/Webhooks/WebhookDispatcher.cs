using System.Globalization;
using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Common.Logging;
using Messaging.Application.Events;
using Messaging.Application.Webhooks;
using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Events;
using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>
/// Delivers the outbox's events to webhook subscriptions. Every instance runs one, but only the holder of the
/// <see cref="LeaseName"/> lease works: it turns new events into deliveries, then attempts those that are due, the
/// earliest pending event of each conversation first. Another instance takes over when the holder stops renewing.
/// </summary>
internal sealed class WebhookDispatcher(
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    WebhookSender sender,
    MessagingTelemetry telemetry,
    TimeProvider timeProvider,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string LeaseName = "webhooks";

    // Events turned into deliveries per unit of work.
    private const int FanOutBatch = 500;

    private readonly string _holder = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;

    private WebhookOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the round reads, so an event committed during the round ends the wait that follows it.
            var next = signal.Next;
            var holds = false;
            try
            {
                holds = await HoldLease(stoppingToken);
                if (holds && await Round(stoppingToken))
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly unavailable; nothing is lost, the next round starts from what is stored.
                WebhookLog.RoundFailed(logger, exception);
            }

            try
            {
                if (holds)
                {
                    await OutboxSignal.WaitAsync(next, Options.PollInterval, timeProvider, stoppingToken);
                }
                else
                {
                    // An instance that does not deliver only needs to notice, in time, that the holder has stopped.
                    await Task.Delay(Options.LeaseDuration / 4, timeProvider, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> HoldLease(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        // Renewed once half of it is used up: an idle holder writes the row only every half lease.
        if (_heldUntil - now > Options.LeaseDuration / 2)
        {
            return true;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var lease = scope.ServiceProvider.GetRequiredService<DatabaseLease>();
        var held = await lease.TryHold(LeaseName, _holder, now, Options.LeaseDuration, cancellationToken);
        if (held && _heldUntil < now)
        {
            WebhookLog.LeaseTaken(logger, _holder);
        }

        _heldUntil = held ? now + Options.LeaseDuration : DateTimeOffset.MinValue;
        return held;
    }

    /// <summary>One round: new events into deliveries, then one wave of due attempts. Returns whether it found work.</summary>
    private async Task<bool> Round(CancellationToken stoppingToken)
    {
        IReadOnlyList<DueDelivery> due;
        IReadOnlyDictionary<long, StoredEvent> events;
        IReadOnlyDictionary<Guid, WebhookSubscription> subscriptions;
        int fannedOut;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WebhookDeliveryStore>();

            // Without a subscription a round has nothing to do, and the instance's every commit would otherwise cost a
            // round of reads and a write to move the cursor. The cursor stays behind meanwhile; a subscription only
            // takes events after its own starting position, so catching up later delivers nothing old.
            if (!await store.AnyActiveSubscription(stoppingToken))
            {
                return false;
            }

            var now = timeProvider.GetUtcNow();
            fannedOut = await store.FanOut(FanOutBatch, now, stoppingToken);

            // One wave per round, so a round ends within one attempt timeout and the lease is renewed between waves.
            due = await store.Due(now, Options.MaxConcurrentAttempts, stoppingToken);
            if (due.Count == 0)
            {
                return fannedOut > 0;
            }

            // Claimed before sending, under the lease: an instance that takes over while this wave's outcomes are still
            // being written finds its deliveries in flight instead of due, and does not send them a second time.
            var claimedUntil = await store.Claim(_holder, [.. due.Select(d => d.Id)], timeProvider, Options.LeaseDuration, stoppingToken);
            if (claimedUntil is null)
            {
                // The lease is gone, or someone else claimed them: ask the database whether this instance still delivers.
                _heldUntil = DateTimeOffset.MinValue;
                return false;
            }

            _heldUntil = claimedUntil.Value;

            events = await store.Events([.. due.Select(d => d.EventPosition)], stoppingToken);

            // Read after the claim, not with the due deliveries: a secret rotated before the claim committed signs.
            subscriptions = await store.Subscriptions([.. due.Select(d => d.SubscriptionId).Distinct()], stoppingToken);
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrentAttempts, CancellationToken = stoppingToken },
            async (delivery, token) =>
            {
                // A subscription deleted since its deliveries were claimed took them with it: nothing to send or record.
                if (subscriptions.GetValueOrDefault(delivery.SubscriptionId) is { } subscription)
                {
                    await Attempt(delivery, subscription, events.GetValueOrDefault(delivery.EventPosition), token);
                }
            });
        return true;
    }

    private async Task Attempt(DueDelivery delivery, WebhookSubscription subscription, StoredEvent? stored, CancellationToken stoppingToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var firstAttemptAt = delivery.FirstAttemptAt ?? startedAt;
        var attempt = delivery.Attempts + 1;
        await using var scope = scopeFactory.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WebhookDeliveryStore>();
        if (stored is null)
        {
            // Purged with the outbox: there is nothing left to send, and the subscriber is not to blame.
            WebhookLog.EventGone(logger, delivery.Id, delivery.EventPosition);
            await store.Record(
                delivery.Id, WebhookDeliveryStatus.Failed, 0, firstAttemptAt, startedAt, null,
                new AttemptResult(MessagingTelemetry.DeliveryRefused, null, "The event is no longer retained.", TimeSpan.Zero), stoppingToken);
            return;
        }

        var result = await sender.Send(subscription, stored, stoppingToken);
        telemetry.WebhookAttempt(result.Outcome);
        var url = LogText.Escape(subscription.Url);
        var finishedAt = timeProvider.GetUtcNow();
        if (result.Succeeded)
        {
            WebhookLog.AttemptSucceeded(
                logger, delivery.Id, stored.Id, stored.Type, delivery.SubscriptionId, url, attempt, result.Outcome, result.StatusCode,
                (long)result.Elapsed.TotalMilliseconds);
            await store.Record(delivery.Id, WebhookDeliveryStatus.Succeeded, 1, firstAttemptAt, startedAt, null, result, stoppingToken);
            return;
        }

        var giveUpAt = firstAttemptAt + Options.GiveUpAfter;
        if (finishedAt >= giveUpAt)
        {
            WebhookLog.AttemptFailed(
                logger, delivery.Id, stored.Id, stored.Type, delivery.SubscriptionId, url, attempt, result.Outcome, result.StatusCode,
                (long)result.Elapsed.TotalMilliseconds, LogText.Escape(result.Error), null);
            await GiveUp(scope.ServiceProvider, store, delivery, attempt, firstAttemptAt, startedAt, finishedAt, result, url, stoppingToken);
            return;
        }

        // The last retry falls on the give-up time, so a subscriber that never recovers is disabled when configured.
        var nextAttemptAt = finishedAt + WebhookBackoff.Delay(attempt, Options.FirstRetryDelay, Options.MaxRetryDelay, Random.Shared);
        if (nextAttemptAt > giveUpAt)
        {
            nextAttemptAt = giveUpAt;
        }

        WebhookLog.AttemptFailed(
            logger, delivery.Id, stored.Id, stored.Type, delivery.SubscriptionId, url, attempt, result.Outcome, result.StatusCode,
            (long)result.Elapsed.TotalMilliseconds, LogText.Escape(result.Error), nextAttemptAt);
        await store.Record(delivery.Id, WebhookDeliveryStatus.Pending, 1, firstAttemptAt, startedAt, nextAttemptAt, result, stoppingToken);
    }

    private async Task GiveUp(
        IServiceProvider services,
        WebhookDeliveryStore store,
        DueDelivery delivery,
        int attempt,
        DateTimeOffset firstAttemptAt,
        DateTimeOffset startedAt,
        DateTimeOffset finishedAt,
        AttemptResult result,
        string url,
        CancellationToken stoppingToken)
    {
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Deliveries failed for {Options.GiveUpAfter} since {firstAttemptAt:O} ({attempt} attempts of event position {delivery.EventPosition}); last: {result.Error}");

        // The failed delivery and the disabled subscription are one change: neither is seen without the other.
        var disabled = await services.GetRequiredService<IUnitOfWork>().Run(
            async token =>
            {
                await store.Record(delivery.Id, WebhookDeliveryStatus.Failed, 1, firstAttemptAt, startedAt, null, result, token);
                return await store.Disable(delivery.SubscriptionId, delivery.Id, finishedAt, reason, token);
            },
            stoppingToken);
        if (disabled)
        {
            telemetry.WebhookSubscriptionDisabled();
            WebhookLog.SubscriptionDisabled(logger, delivery.SubscriptionId, url, LogText.Escape(reason));
        }
    }
}
