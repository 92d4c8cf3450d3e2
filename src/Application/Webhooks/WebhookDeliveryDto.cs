using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks;

/// <summary>One event's delivery to a subscription.</summary>
public sealed record WebhookDeliveryDto
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public string EventType { get; init; } = string.Empty;

    /// <summary>The event's position, as in its body and on the event stream.</summary>
    public long Position { get; init; }

    public WebhookDeliveryStatus Status { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>When the next attempt is due; null once it succeeded or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The receiver's status code at the last attempt; null when it gave none (timeout, no connection).</summary>
    public int? LastStatusCode { get; init; }

    public string? LastError { get; init; }
}
