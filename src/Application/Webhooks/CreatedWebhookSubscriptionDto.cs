namespace Messaging.Application.Webhooks;

/// <summary>A subscription just created, with the secret its deliveries are signed with: the only time it is shown.</summary>
public sealed record CreatedWebhookSubscriptionDto : WebhookSubscriptionDto
{
    public string Secret { get; init; } = string.Empty;
}
