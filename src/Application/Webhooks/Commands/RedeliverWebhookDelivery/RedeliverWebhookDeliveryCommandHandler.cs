using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks.Commands.RedeliverWebhookDelivery;

public sealed class RedeliverWebhookDeliveryCommandHandler : IRequestHandler<RedeliverWebhookDeliveryCommand, Unit>
{
    private readonly IWebhookSubscriptionRepository _repository;
    private readonly TimeProvider _timeProvider;

    public RedeliverWebhookDeliveryCommandHandler(IWebhookSubscriptionRepository repository, TimeProvider timeProvider)
    {
        _repository = repository;
        _timeProvider = timeProvider;
    }

    public async Task<Unit> Handle(RedeliverWebhookDeliveryCommand request, CancellationToken cancellationToken)
    {
        var subscription = await _repository.Find(request.SubscriptionId, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.SubscriptionId);
        if (subscription.Status == WebhookSubscriptionStatus.Disabled)
        {
            throw WebhookSubscriptionDisabledException.For(subscription.Id);
        }

        if (!await _repository.Redeliver(subscription.Id, request.DeliveryId, _timeProvider.GetUtcNow(), cancellationToken))
        {
            throw NotFoundException.For("Delivery", request.DeliveryId);
        }

        return Unit.Value;
    }
}
