namespace Messaging.Application.Webhooks.Commands.RedeliverWebhookDelivery;

/// <summary>Queues a delivery again, due now, whatever became of it; the receiver gets the same event id again.</summary>
public sealed record RedeliverWebhookDeliveryCommand(Guid SubscriptionId, Guid DeliveryId) : IRequest<Unit>;
