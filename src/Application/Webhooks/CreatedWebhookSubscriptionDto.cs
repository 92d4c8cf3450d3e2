using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks;

/// <summary>A subscription just created, with the secret its deliveries are signed with: the only time it is shown.</summary>
public sealed record CreatedWebhookSubscriptionDto : WebhookSubscriptionDto
{
    private CreatedWebhookSubscriptionDto(WebhookSubscriptionDto subscription)
        : base(subscription)
    {
    }

    public string Secret { get; init; } = string.Empty;

    public static new CreatedWebhookSubscriptionDto From(WebhookSubscription subscription) =>
        new(WebhookSubscriptionDto.From(subscription)) { Secret = subscription.Secret };
}
