namespace Messaging.Application.Common.Exceptions;

/// <summary>A disabled subscription delivers nothing, so a delivery of it cannot be queued again.</summary>
public sealed class WebhookSubscriptionDisabledException : Exception
{
    public WebhookSubscriptionDisabledException()
    {
    }

    public WebhookSubscriptionDisabledException(string message)
        : base(message)
    {
    }

    public WebhookSubscriptionDisabledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static WebhookSubscriptionDisabledException For(Guid subscriptionId) =>
        new($"Webhook subscription '{subscriptionId}' is disabled and delivers nothing; create a new subscription.");
}
