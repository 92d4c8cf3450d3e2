using Messaging.Application.Messages;

namespace Messaging.Application.Conversations.Queries.GetConversations;

/// <summary>A conversation as the dashboard lists it.</summary>
public sealed record ConversationDto
{
    /// <summary>The other party's WhatsApp address.</summary>
    public string Contact { get; init; } = string.Empty;

    /// <summary>The latest WhatsApp profile name the contact's messages carried.</summary>
    public string? ProfileName { get; init; }

    /// <summary>The newest message in either direction.</summary>
    public MessageDto LastMessage { get; init; } = new();

    public DateTimeOffset LastActivityAt { get; init; }

    public int MessageCount { get; init; }

    /// <summary>
    /// Until when free-form messages can be sent: 24 hours after the contact last wrote; null when they never did.
    /// After it, only an approved template can be sent.
    /// </summary>
    public DateTimeOffset? WindowOpenUntil { get; init; }
}
