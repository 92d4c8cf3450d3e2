namespace Messaging.Application.Messages.Queries.GetMessages;

/// <summary>A page of messages; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record MessagePageDto(IReadOnlyList<MessageDto> Items, string? NextCursor);
