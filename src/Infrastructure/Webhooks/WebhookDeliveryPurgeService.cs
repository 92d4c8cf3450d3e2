using Messaging.Infrastructure.Events;
using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>Deletes deliveries as old as the events they delivered: after the outbox's retention there is nothing to redeliver.</summary>
internal sealed class WebhookDeliveryPurgeService(
    IServiceScopeFactory scopeFactory,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookDeliveryPurgeService> logger) : PeriodicPurgeService(scopeFactory, timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    protected override string Rows => "webhook deliveries older than the events' retention";

    protected override Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<WebhookDeliveryStore>().RemoveCreatedBefore(now - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
}
