using AutoMapper;

namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;

public sealed class GetWebhookSubscriptionByIdQueryHandler(IWebhookSubscriptionRepository repository, IMapper mapper) : IRequestHandler<GetWebhookSubscriptionByIdQuery, WebhookSubscriptionDto>
{
    public async Task<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionByIdQuery request, CancellationToken cancellationToken)
    {
        var subscription = await repository.Find(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.Id);
        return mapper.Map<WebhookSubscriptionDto>(subscription);
    }
}
