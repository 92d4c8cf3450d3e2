using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;

namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;

public sealed class GetWebhookSubscriptionByIdQueryHandler : IRequestHandler<GetWebhookSubscriptionByIdQuery, WebhookSubscriptionDto>
{
    private readonly IWebhookSubscriptionRepository _repository;

    public GetWebhookSubscriptionByIdQueryHandler(IWebhookSubscriptionRepository repository)
    {
        _repository = repository;
    }

    public async Task<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionByIdQuery request, CancellationToken cancellationToken)
    {
        var subscription = await _repository.Find(request.Id, cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.Id);
        return WebhookSubscriptionDto.From(subscription);
    }
}
