using Messaging.Domain.Conversations;

namespace Messaging.Application.Conversations.Events;

/// <summary>
/// The data of a <c>conversation.updated</c> event: a conversation as listed, with its newest message named by id
/// (the message itself came in the event just before).
/// </summary>
public sealed record ConversationUpdatedDto
{
    /// <summary>The other party's WhatsApp address.</summary>
    public string Contact { get; init; } = string.Empty;

    public string? ProfileName { get; init; }

    /// <summary>The id of the newest message in either direction.</summary>
    public Guid LastMessageId { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    public int MessageCount { get; init; }

    /// <summary>Until when free-form messages can be sent; null when the contact never wrote.</summary>
    public DateTimeOffset? WindowOpenUntil { get; init; }

    public static ConversationUpdatedDto From(ConversationCounters conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new ConversationUpdatedDto
        {
            Contact = conversation.Contact,
            ProfileName = conversation.ProfileName,
            LastMessageId = conversation.LastMessageId,
            LastActivityAt = conversation.LastActivityAt,
            MessageCount = conversation.MessageCount,
            WindowOpenUntil = CustomerServiceWindow.OpenUntil(conversation.LastInboundAt),
        };
    }
}
