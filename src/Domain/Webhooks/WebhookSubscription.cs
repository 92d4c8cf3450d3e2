namespace Messaging.Domain.Webhooks;

/// <summary>A URL that receives the events of the listed types, signed with the subscription's secret.</summary>
public sealed class WebhookSubscription
{
    // For EF Core.
    private WebhookSubscription()
    {
        Url = string.Empty;
        EventTypes = [];
        Secret = string.Empty;
    }

    private WebhookSubscription(Guid id, string url, IReadOnlyList<string> eventTypes, string secret, DateTimeOffset createdAt, long startAfterPosition)
    {
        Id = id;
        Url = url;
        EventTypes = [.. eventTypes];
        Secret = secret;
        Status = WebhookSubscriptionStatus.Active;
        CreatedAt = createdAt;
        StartAfterPosition = startAfterPosition;
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; }

    /// <summary>The event types delivered; never empty.</summary>
    public IReadOnlyList<string> EventTypes { get; private set; }

    /// <summary>The key the deliveries are signed with: known to the service and, once shown, to the subscriber.</summary>
    public string Secret { get; private set; }

    public WebhookSubscriptionStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The outbox's head when the subscription was created: only events after it are delivered, so a new subscriber does
    /// not receive the retained history.
    /// </summary>
    public long StartAfterPosition { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    public static WebhookSubscription Create(
        Guid id, string url, IReadOnlyList<string> eventTypes, string secret, DateTimeOffset createdAt, long startAfterPosition)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (eventTypes.Count == 0)
        {
            throw new ArgumentException("A subscription names at least one event type.", nameof(eventTypes));
        }

        return new WebhookSubscription(id, url, eventTypes, secret, createdAt, startAfterPosition);
    }

    /// <summary>Whether events of <paramref name="type"/> at <paramref name="position"/> are delivered to this subscription.</summary>
    public bool Wants(string type, long position) =>
        Status == WebhookSubscriptionStatus.Active && position > StartAfterPosition && EventTypes.Contains(type, StringComparer.Ordinal);
}
