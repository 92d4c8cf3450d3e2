namespace Messaging.Application.Events;

/// <summary>
/// An event as the outbox holds it once its transaction committed. <see cref="Position"/> orders all events of all
/// instances; <see cref="Id"/> never changes, so a receiver that sees an event twice can tell.
/// </summary>
/// <param name="ConversationKey">The contact's WhatsApp address: events of one conversation are delivered in order.</param>
/// <param name="Data">The event's data as JSON: the message or conversation as the API shows it.</param>
public sealed record StoredEvent(Guid Id, long Position, string Type, string ConversationKey, DateTimeOffset OccurredAt, string Data);
