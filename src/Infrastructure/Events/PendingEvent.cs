namespace Messaging.Infrastructure.Events;

/// <summary>An event recorded by a unit of work that has not committed yet: it has no position so far.</summary>
internal sealed record PendingEvent(Guid Id, string Type, string ConversationKey, DateTimeOffset OccurredAt, string Data);
