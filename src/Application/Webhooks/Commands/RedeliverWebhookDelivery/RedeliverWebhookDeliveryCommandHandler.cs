using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks.Commands.RedeliverWebhookDelivery;

public sealed class RedeliverWebhookDeliveryCommandHandler(IWebhookSubscriptionRepository repository, TimeProvider timeProvider) : IRequestHandler<RedeliverWebhookDeliveryCommand, Unit>
{
    public async Task<Unit> Handle(RedeliverWebhookDeliveryCommand request, CancellationToken cancellationToken)
    {
        var subscription = await repository.Find(request.SubscriptionId, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.SubscriptionId);
        if (subscription.Status == WebhookSubscriptionStatus.Disabled)
        {
            throw WebhookSubscriptionDisabledException.For(subscription.Id);
        }

        if (!await repository.Redeliver(subscription.Id, request.DeliveryId, timeProvider.GetUtcNow(), cancellationToken))
        {
            throw NotFoundException.For("Delivery", request.DeliveryId);
        }

        return Unit.Value;
    }
}
