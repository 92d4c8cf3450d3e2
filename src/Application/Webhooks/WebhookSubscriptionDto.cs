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
    /// When the secret the last rotation replaced stops (or stopped) signing deliveries beside the current one; null when
    /// no rotation kept one. The secrets themselves are never shown here.
    /// </summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    /// <summary>When the service gave up on the subscription's deliveries; null while it is active.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Why the subscription was disabled; null while it is active.</summary>
    public string? DisabledReason { get; init; }
}
