using System.Diagnostics.CodeAnalysis;

namespace Messaging.Application.Templates;

/// <summary>The account's content templates as read from Twilio at <see cref="FetchedAt"/>.</summary>
public sealed class TemplateCatalogueSnapshot
{
    private readonly Dictionary<string, ContentTemplate> _bySid;

    public TemplateCatalogueSnapshot(IReadOnlyList<ContentTemplate> templates, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(templates);
        Templates = templates;
        FetchedAt = fetchedAt;

        // Twilio never lists a SID twice; should a page boundary repeat one, the first listing wins.
        _bySid = new Dictionary<string, ContentTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            _bySid.TryAdd(template.Sid, template);
        }
    }

    public IReadOnlyList<ContentTemplate> Templates { get; }

    /// <summary>When the read from Twilio began: the catalogue is at least this recent.</summary>
    public DateTimeOffset FetchedAt { get; }

    public bool TryFind(string sid, [NotNullWhen(true)] out ContentTemplate? template) => _bySid.TryGetValue(sid, out template);
}
