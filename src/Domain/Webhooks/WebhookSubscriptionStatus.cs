namespace Messaging.Domain.Webhooks;

public enum WebhookSubscriptionStatus
{
    /// <summary>Events are delivered.</summary>
    Active,

    /// <summary>Deliveries failed for longer than the service keeps trying; nothing more is delivered.</summary>
    Disabled,
}
