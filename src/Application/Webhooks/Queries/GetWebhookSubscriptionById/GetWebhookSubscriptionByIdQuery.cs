namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;

public sealed record GetWebhookSubscriptionByIdQuery(Guid Id) : IRequest<WebhookSubscriptionDto>;
