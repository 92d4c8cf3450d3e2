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

    /// <summary>
    /// The secret replaced by the last rotation, which still signs deliveries, after <see cref="Secret"/>, until
    /// <see cref="PreviousSecretExpiresAt"/>: receivers have that long to move to the new one. Null when none does.
    /// </summary>
    public string? PreviousSecret { get; private set; }

    /// <summary>When <see cref="PreviousSecret"/> stops signing; null when there is no previous secret.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

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

    /// <summary>
    /// Makes <paramref name="newSecret"/> the secret and keeps the current one signing too for
    /// <paramref name="previousValidFor"/> after <paramref name="now"/> (not at all when zero). Only one previous secret
    /// is kept: one still valid from an earlier rotation is replaced, so it stops signing now.
    /// </summary>
    public void RotateSecret(string newSecret, DateTimeOffset now, TimeSpan previousValidFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(newSecret);
        ArgumentOutOfRangeException.ThrowIfLessThan(previousValidFor, TimeSpan.Zero);
        if (newSecret == Secret)
        {
            throw new ArgumentException("A rotation replaces the secret with another one.", nameof(newSecret));
        }

        var keepsPrevious = previousValidFor > TimeSpan.Zero;
        PreviousSecret = keepsPrevious ? Secret : null;
        PreviousSecretExpiresAt = keepsPrevious ? now + previousValidFor : null;
        Secret = newSecret;
    }

    /// <summary>
    /// The secrets a delivery sent at <paramref name="now"/> is signed with: the current one first, then the previous one
    /// while it has not expired.
    /// </summary>
    public IReadOnlyList<string> SigningSecretsAt(DateTimeOffset now) =>
        PreviousSecret is { } previous && now < PreviousSecretExpiresAt ? [Secret, previous] : [Secret];

    /// <summary>Whether events of <paramref name="type"/> at <paramref name="position"/> are delivered to this subscription.</summary>
    public bool Wants(string type, long position) =>
        Status == WebhookSubscriptionStatus.Active && position > StartAfterPosition && EventTypes.Contains(type, StringComparer.Ordinal);
}
