namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptions;

public sealed class GetWebhookSubscriptionsQueryHandler(IWebhookSubscriptionRepository repository) : IRequestHandler<GetWebhookSubscriptionsQuery, IReadOnlyList<WebhookSubscriptionDto>>
{
    public async Task<IReadOnlyList<WebhookSubscriptionDto>> Handle(GetWebhookSubscriptionsQuery request, CancellationToken cancellationToken) =>
        [.. (await repository.List(cancellationToken)).Select(WebhookSubscriptionDto.From)];
}
