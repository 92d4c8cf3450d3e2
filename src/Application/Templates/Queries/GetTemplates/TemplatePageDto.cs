namespace Messaging.Application.Templates.Queries.GetTemplates;

/// <summary>
/// A page of templates; <see cref="NextCursor"/> is null on the last page. <see cref="FetchedAt"/> says when the
/// catalogue was read from Twilio.
/// </summary>
public sealed record TemplatePageDto(IReadOnlyList<TemplateDto> Items, string? NextCursor, DateTimeOffset FetchedAt);
