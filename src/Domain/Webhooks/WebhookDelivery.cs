namespace Messaging.Domain.Webhooks;

/// <summary>One event for one subscription, and how delivering it went so far.</summary>
public sealed class WebhookDelivery
{
    // For EF Core.
    private WebhookDelivery()
    {
        EventType = string.Empty;
        ConversationKey = string.Empty;
    }

    private WebhookDelivery(Guid id, Guid subscriptionId, Guid eventId, long eventPosition, string eventType, string conversationKey, DateTimeOffset createdAt)
    {
        Id = id;
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventPosition = eventPosition;
        EventType = eventType;
        ConversationKey = conversationKey;
        Status = WebhookDeliveryStatus.Pending;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>The event's position in the outbox, where its body is read at each attempt.</summary>
    public long EventPosition { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The conversation the event belongs to: its deliveries to one subscription are made in order.</summary>
    public string ConversationKey { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the attempts began; the service gives up a configured time after it.</summary>
    public DateTimeOffset? FirstAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>When the next attempt is due; null once the delivery succeeded or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public static WebhookDelivery Create(
        Guid id, Guid subscriptionId, Guid eventId, long eventPosition, string eventType, string conversationKey, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(conversationKey);
        return new WebhookDelivery(id, subscriptionId, eventId, eventPosition, eventType, conversationKey, createdAt);
    }
}
