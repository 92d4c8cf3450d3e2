using MediatR;
using Messaging.Application.Common.Interfaces;

namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptions;

public sealed class GetWebhookSubscriptionsQueryHandler : IRequestHandler<GetWebhookSubscriptionsQuery, IReadOnlyList<WebhookSubscriptionDto>>
{
    private readonly IWebhookSubscriptionRepository _repository;

    public GetWebhookSubscriptionsQueryHandler(IWebhookSubscriptionRepository repository)
    {
        _repository = repository;
    }

    public async Task<IReadOnlyList<WebhookSubscriptionDto>> Handle(GetWebhookSubscriptionsQuery request, CancellationToken cancellationToken) =>
        [.. (await _repository.List(cancellationToken)).Select(WebhookSubscriptionDto.From)];
}
