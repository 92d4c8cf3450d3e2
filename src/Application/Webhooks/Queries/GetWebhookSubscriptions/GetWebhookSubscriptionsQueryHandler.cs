using AutoMapper;

namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptions;

public sealed class GetWebhookSubscriptionsQueryHandler(IWebhookSubscriptionRepository repository, IMapper mapper) : IRequestHandler<GetWebhookSubscriptionsQuery, IReadOnlyList<WebhookSubscriptionDto>>
{
    public async Task<IReadOnlyList<WebhookSubscriptionDto>> Handle(GetWebhookSubscriptionsQuery request, CancellationToken cancellationToken) =>
        mapper.Map<IReadOnlyList<WebhookSubscriptionDto>>(await repository.List(cancellationToken));
}
