namespace Messaging.Application.Templates.Queries.GetTemplates;

/// <summary>
/// One page of the account's content templates, ordered by friendly name, language and SID, optionally only those
/// with WhatsApp approval status <paramref name="Status"/>, language <paramref name="Language"/> (both compared
/// ignoring case) or a friendly name containing <paramref name="Name"/>. <paramref name="Refresh"/> reads the
/// catalogue from Twilio first instead of using the one kept.
/// </summary>
public sealed record GetTemplatesQuery(
    int Limit = GetTemplatesQuery.DefaultLimit,
    string? Cursor = null,
    string? Status = null,
    string? Language = null,
    string? Name = null,
    bool Refresh = false) : IRequest<TemplatePageDto>, IPageRequest
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public const int MaxFilterLength = 100;
}
