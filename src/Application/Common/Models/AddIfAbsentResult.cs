namespace Messaging.Application.Common.Models;

/// <summary>
/// The stored message, whether this call inserted it or found it already there, and, when it inserted it, the
/// conversation's row as the insert left it.
/// </summary>
public sealed record AddIfAbsentResult(Message Message, bool Inserted, ConversationCounters? Conversation = null);
