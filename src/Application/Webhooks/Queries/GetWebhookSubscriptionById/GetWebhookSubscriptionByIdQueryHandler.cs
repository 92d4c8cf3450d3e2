using AutoMapper;
using Messaging.Application.Common.Queries;
using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;

public sealed class GetWebhookSubscriptionByIdQueryHandler(IWebhookSubscriptionRepository repository, IMapper mapper)
    : GetByIdQueryHandler<GetWebhookSubscriptionByIdQuery, WebhookSubscription, WebhookSubscriptionDto>("Webhook subscription", repository.Find, mapper);
