namespace Messaging.Application.Conversations.Queries.GetConversations;

/// <summary>
/// One page of conversations, one per contact, most recent activity first. <paramref name="Cursor"/> is the
/// <see cref="ConversationPageDto.NextCursor"/> of the previous page.
/// </summary>
public sealed record GetConversationsQuery(
    int Limit = GetConversationsQuery.DefaultLimit,
    string? Cursor = null) : IRequest<ConversationPageDto>, IPageRequest
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;
}
