using Messaging.Infrastructure.Events;
using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>Deletes deliveries as old as the events they delivered: after the outbox's retention there is nothing to redeliver.</summary>
internal sealed class WebhookDeliveryPurge(IOptions<OutboxOptions> options) : IPurge
{
    public TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);

    public string Rows => "webhook deliveries older than the events' retention";

    public Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<WebhookDeliveryStore>().RemoveCreatedBefore(now - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
}
