namespace Messaging.Application.Conversations.Queries.GetConversations;

/// <summary>A page of conversations; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ConversationPageDto(IReadOnlyList<ConversationDto> Items, string? NextCursor);
