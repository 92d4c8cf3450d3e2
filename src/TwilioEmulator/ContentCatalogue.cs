using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Messaging.TwilioEmulator;

/// <summary>The content templates the emulator serves and sends, checked once at start, and how a send renders them.</summary>
internal sealed partial class ContentCatalogue
{
    public static readonly IReadOnlySet<string> ContentTypes =
        new HashSet<string>(["twilio/text", "twilio/media", "twilio/quick-reply", "twilio/call-to-action"], StringComparer.Ordinal);

    private readonly Dictionary<string, ContentTemplate> _bySid = new(StringComparer.Ordinal);

    public ContentCatalogue(IEnumerable<ContentTemplate> templates, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var list = new List<ContentTemplate>();
        foreach (var template in templates)
        {
            Validate(template);
            var created = template.DateCreated ?? startedAt;
            // Copied, so a test that changes its own collections after the start does not change what is served.
            var complete = template with
            {
                Variables = new Dictionary<string, string>(template.Variables, StringComparer.Ordinal),
                Media = [.. template.Media],
                Actions = [.. template.Actions],
                DateCreated = created,
                DateUpdated = template.DateUpdated ?? created,
            };
            if (!_bySid.TryAdd(template.Sid, complete))
            {
                throw new ArgumentException($"Two content templates have the SID {template.Sid}.", nameof(templates));
            }

            list.Add(complete);
        }

        Templates = list.AsReadOnly();
    }

    public IReadOnlyList<ContentTemplate> Templates { get; }

    public bool TryGet(string sid, [NotNullWhen(true)] out ContentTemplate? template) => _bySid.TryGetValue(sid, out template);

    /// <summary>
    /// The template's text with every <c>{{name}}</c> filled from <paramref name="contentVariables"/> (a JSON object) or,
    /// for names it leaves out, from the template's sample values, as Twilio renders it; or Twilio's error 21656 when a
    /// value is not usable.
    /// </summary>
    public static string? TryRender(ContentTemplate template, string? contentVariables, out TwilioError? error)
    {
        error = null;
        var values = template.Variables.ToDictionary(v => v.Key, string? (v) => v.Value, StringComparer.Ordinal);
        if (contentVariables is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(contentVariables);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error = InvalidVariables;
                    return null;
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        _ => null,
                    };
                }
            }
            catch (JsonException)
            {
                error = InvalidVariables;
                return null;
            }
        }

        var invalid = false;
        var text = Placeholder().Replace(template.Body, match =>
        {
            var value = values.GetValueOrDefault(match.Groups[1].Value);
            // Twilio refuses values that are missing, empty, or hold line breaks, tabs or long runs of spaces.
            if (string.IsNullOrEmpty(value) || value.Contains('\n', StringComparison.Ordinal)
                || value.Contains('\t', StringComparison.Ordinal) || value.Contains("     ", StringComparison.Ordinal))
            {
                invalid = true;
                return match.Value;
            }

            return value;
        });
        if (invalid)
        {
            error = InvalidVariables;
            return null;
        }

        return text;
    }

    public static TwilioError InvalidVariables => TwilioError.Of(400, 21656, "The ContentVariables Parameter is invalid.");

    public static TwilioError InvalidSid => TwilioError.Of(400, 21655, "The ContentSid is Invalid");

    private static void Validate(ContentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Sid is null || !SidPattern().IsMatch(template.Sid))
        {
            throw new ArgumentException($"A content template SID is HX followed by 32 hex digits; got '{template.Sid}'.", nameof(template));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(template.FriendlyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(template.Language);
        ArgumentException.ThrowIfNullOrWhiteSpace(template.Body);
        ArgumentNullException.ThrowIfNull(template.Approval);
        ArgumentException.ThrowIfNullOrWhiteSpace(template.Approval.Status);
        if (!ContentTypes.Contains(template.ContentType))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Content template {template.Sid}: the emulator serves {string.Join(", ", ContentTypes)}; got '{template.ContentType}'."),
                nameof(template));
        }
    }

    [GeneratedRegex(@"\{\{([A-Za-z0-9_]{1,16})\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex SidPattern();
}
