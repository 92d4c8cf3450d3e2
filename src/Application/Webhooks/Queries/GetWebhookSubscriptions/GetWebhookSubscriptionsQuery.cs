namespace Messaging.Application.Webhooks.Queries.GetWebhookSubscriptions;

/// <summary>Every subscription, oldest first; there are never more than <see cref="WebhookOptions.MaxSubscriptions"/>.</summary>
public sealed record GetWebhookSubscriptionsQuery : IRequest<IReadOnlyList<WebhookSubscriptionDto>>;
