using Messaging.Infrastructure.Events;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>Deletes deliveries as old as the events they delivered: after the outbox's retention there is nothing to redeliver.</summary>
internal sealed class WebhookDeliveryPurge(IOptions<OutboxOptions> options) : OutboxRetentionPurge(options)
{
    public override string Rows => "webhook deliveries older than the events' retention";

    protected override Task<int> RemoveBefore(IServiceProvider services, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        services.GetRequiredService<WebhookDeliveryStore>().RemoveCreatedBefore(cutoff, cancellationToken);
}
