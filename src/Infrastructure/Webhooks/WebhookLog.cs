namespace Messaging.Infrastructure.Webhooks;

/// <summary>The dispatcher's log lines; URLs are escaped by the caller, secrets never logged.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Webhook delivery {DeliveryId} of event {EventId} ({EventType}) to subscription {SubscriptionId} at {Url}: attempt {Attempt} {Result} with status {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void AttemptSucceeded(
        ILogger logger, Guid deliveryId, Guid eventId, string eventType, Guid subscriptionId, string url, int attempt, string result, int? statusCode, long elapsedMilliseconds);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} of event {EventId} ({EventType}) to subscription {SubscriptionId} at {Url}: attempt {Attempt} {Result} with status {StatusCode} in {ElapsedMilliseconds} ms: {Error}; next attempt at {NextAttemptAt}")]
    public static partial void AttemptFailed(
        ILogger logger, Guid deliveryId, Guid eventId, string eventType, Guid subscriptionId, string url, int attempt, string result, int? statusCode, long elapsedMilliseconds, string error, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook subscription {SubscriptionId} at {Url} disabled: {Reason}")]
    public static partial void SubscriptionDisabled(ILogger logger, Guid subscriptionId, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed: its event at position {Position} is no longer retained")]
    public static partial void EventGone(ILogger logger, Guid deliveryId, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance ({Holder}) now delivers webhooks")]
    public static partial void LeaseTaken(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook dispatch round failed; the next round tries again")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
