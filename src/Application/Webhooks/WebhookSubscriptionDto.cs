using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks;

/// <summary>A subscription as the API shows it; its secret is shown only when it is created or rotated.</summary>
public record WebhookSubscriptionDto
{
    public Guid Id { get; init; }

    public string Url { get; init; } = string.Empty;

    public IReadOnlyList<string> EventTypes { get; init; } = [];

    public WebhookSubscriptionStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// While a rotated-out secret still signs deliveries (after the current one), when it stops; null when only the
    /// current secret signs. The secrets themselves are never shown here.
    /// </summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    /// <summary>When the service gave up on the subscription's deliveries; null while it is active.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Why the subscription was disabled; null while it is active.</summary>
    public string? DisabledReason { get; init; }
}
