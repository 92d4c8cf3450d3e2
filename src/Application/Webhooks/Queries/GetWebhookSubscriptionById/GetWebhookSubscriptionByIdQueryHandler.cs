namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;

public sealed class GetWebhookSubscriptionByIdQueryHandler(IWebhookSubscriptionRepository repository) : IRequestHandler<GetWebhookSubscriptionByIdQuery, WebhookSubscriptionDto>
{
    public async Task<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionByIdQuery request, CancellationToken cancellationToken)
    {
        var subscription = await repository.Find(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.Id);
        return WebhookSubscriptionDto.From(subscription);
    }
}
