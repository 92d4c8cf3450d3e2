using Messaging.Application.Common.Queries;

namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptionById;

public sealed record GetWebhookSubscriptionByIdQuery(Guid Id) : IGetByIdQuery<WebhookSubscriptionDto>;
