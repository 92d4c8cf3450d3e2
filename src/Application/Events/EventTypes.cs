namespace Messaging.Application.Events;

/// <summary>The kinds of event the service records, as they appear in the event's <c>type</c>.</summary>
public static class EventTypes
{
    /// <summary>A customer's message was stored. Data: the message.</summary>
    public const string MessageReceived = "message.received";

    /// <summary>A message sent through the API was stored after Twilio took it (or its outcome is not known yet). Data: the message.</summary>
    public const string MessageSent = "message.sent";

    /// <summary>A stored message's status (or its SID, for an outcome that was unknown) changed. Data: the message.</summary>
    public const string MessageStatusChanged = "message.status_changed";

    /// <summary>A message was added to a conversation: its count, newest message or window changed. Data: the conversation.</summary>
    public const string ConversationUpdated = "conversation.updated";

    public static IReadOnlyList<string> All { get; } = [MessageReceived, MessageSent, MessageStatusChanged, ConversationUpdated];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
