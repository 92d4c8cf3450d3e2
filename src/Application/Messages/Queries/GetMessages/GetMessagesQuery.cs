namespace Messaging.Application.Messages.Queries.GetMessages;

/// <summary>
/// One page of messages, newest first. <paramref name="Direction"/> is <c>outbound</c> or <c>inbound</c>,
/// <paramref name="Status"/> a lowercase <see cref="Domain.Messages.MessageStatus"/> name, and
/// <paramref name="Cursor"/> the <see cref="MessagePageDto.NextCursor"/> of the previous page.
/// </summary>
public sealed record GetMessagesQuery(
    string? Contact = null,
    string? Direction = null,
    string? Status = null,
    int Limit = GetMessagesQuery.DefaultLimit,
    string? Cursor = null) : IRequest<MessagePageDto>, IPageRequest
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;
}
