namespace Messaging.Application.Webhooks;

/// <summary>
/// A subscription with the secret its deliveries are signed with: shown only in the answer that made the secret, when
/// the subscription is created and when its secret is rotated.
/// </summary>
public sealed record WebhookSubscriptionWithSecretDto : WebhookSubscriptionDto
{
    public string Secret { get; init; } = string.Empty;
}
