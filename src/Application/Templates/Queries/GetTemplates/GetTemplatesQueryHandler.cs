namespace Messaging.Application.Templates.Queries.GetTemplates;

public sealed class GetTemplatesQueryHandler(TemplateCatalogue catalogue) : IRequestHandler<GetTemplatesQuery, TemplatePageDto>
{
    private readonly TemplateCatalogue _catalogue = catalogue;

    public async Task<TemplatePageDto> Handle(GetTemplatesQuery request, CancellationToken cancellationToken)
    {
        TemplateCursor? after = null;
        if (request.Cursor is not null && !TemplateCursor.TryDecode(request.Cursor, out after))
        {
            throw new FormatException("The cursor was not validated before the handler.");
        }

        var catalogue = request.Refresh
            ? await _catalogue.GetAsync(TimeSpan.Zero, cancellationToken)
            : await _catalogue.GetAsync(cancellationToken);

        // The catalogue is in memory and holds at most a few thousand templates: filtering and sorting it per request
        // costs less than keeping orders for every filter.
        var matching = catalogue.Templates
            .Where(t => Matches(t.ApprovalStatus, request.Status) && Matches(t.Language, request.Language))
            .Where(t => request.Name is null || t.FriendlyName.Contains(request.Name, StringComparison.OrdinalIgnoreCase))
            .Where(t => after is null || TemplateCursor.Compare(t, after) > 0)
            .Order(Comparer<ContentTemplate>.Create(TemplateCursor.Compare))
            .Take(KeysetPaging.RowsToFetch(request.Limit))
            .ToList();

        var page = KeysetPaging.Cut(matching, request.Limit);
        return new TemplatePageDto([.. page.Items.Select(ToDto)], page.NextCursor(t => TemplateCursor.After(t).Encode()), catalogue.FetchedAt);
    }

    private static bool Matches(string? value, string? wanted) =>
        wanted is null || string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase);

    private static TemplateDto ToDto(ContentTemplate template) => new()
    {
        Sid = template.Sid,
        FriendlyName = template.FriendlyName,
        Language = template.Language,
        ContentType = template.ContentType,
        Text = template.Text,
        Variables = [.. template.Variables.Select(v => new TemplateVariableDto(v.Name, v.Sample))],
        ApprovalStatus = template.ApprovalStatus,
        RejectionReason = template.RejectionReason,
        Category = template.Category,
    };
}
