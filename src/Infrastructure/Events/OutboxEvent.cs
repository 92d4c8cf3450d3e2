namespace Messaging.Infrastructure.Events;

/// <summary>One row of the outbox: an event, written in the transaction of the change it announces.</summary>
internal sealed class OutboxEvent
{
    public long Position { get; set; }

    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public string ConversationKey { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }

    public string Data { get; set; } = string.Empty;
}
