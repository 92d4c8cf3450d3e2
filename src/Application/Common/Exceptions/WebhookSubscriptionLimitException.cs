namespace Messaging.Application.Common.Exceptions;

/// <summary>As many webhook subscriptions exist as the service allows; one must be deleted before another is created.</summary>
public sealed class WebhookSubscriptionLimitException : Exception
{
    public WebhookSubscriptionLimitException()
    {
    }

    public WebhookSubscriptionLimitException(string message)
        : base(message)
    {
    }

    public WebhookSubscriptionLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static WebhookSubscriptionLimitException For(int limit) =>
        new($"{limit} webhook subscriptions exist, the most allowed; delete one first.");
}
