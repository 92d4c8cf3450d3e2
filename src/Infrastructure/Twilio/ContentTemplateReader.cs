using Messaging.Domain.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Twilio.Rest.Content.V1;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Reads a template of Twilio's <c>ContentAndApprovals</c> list as WhatsApp sees it. The SDK leaves <c>types</c>,
/// <c>variables</c> and <c>approval_requests</c> as raw JSON; what is read from them is taken as written, never
/// completed with a guess: a status Twilio does not report stays null, and one this service does not know is kept.
/// </summary>
internal static class ContentTemplateReader
{
    private const string TextType = "twilio/text";

    /// <summary>The template, or null for a record without a SID, which could never be sent.</summary>
    public static ContentTemplate? Read(ContentAndApprovalsResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (string.IsNullOrWhiteSpace(resource.Sid))
        {
            return null;
        }

        var approval = Approval(resource.ApprovalRequests as JObject);
        var types = resource.Types as JObject;
        var contentType = WhatsAppType(types, Text(approval, "content_type"));
        var content = contentType is null ? null : types![contentType] as JObject;
        var samples = Samples(resource.Variables as JObject);

        // Every variable of what WhatsApp sends, wherever it appears (text, media URL, button): all need a value.
        var names = content is null ? TemplateText.Ordered(samples.Keys) : TemplateText.VariablesIn(Json(content));
        return new ContentTemplate
        {
            Sid = resource.Sid,
            FriendlyName = resource.FriendlyName ?? string.Empty,
            Language = resource.Language ?? string.Empty,
            ContentType = contentType ?? string.Empty,
            Text = Text(content, "body") ?? Text(content, "title"),
            Variables = [.. names.Select(name => new TemplateVariable(name, samples.GetValueOrDefault(name)))],
            ApprovalStatus = Text(approval, "status"),
            RejectionReason = Text(approval, "rejection_reason"),
            Category = Text(approval, "category"),
        };
    }

    /// <summary>
    /// The WhatsApp approval: <c>approval_requests</c> carries its fields directly; a <c>whatsapp</c> object inside it,
    /// as the single-template approval fetch writes it, is read too.
    /// </summary>
    private static JObject? Approval(JObject? approvalRequests) =>
        approvalRequests is not null && approvalRequests["status"] is null && approvalRequests["whatsapp"] is JObject whatsApp
            ? whatsApp
            : approvalRequests;

    /// <summary>
    /// The content type WhatsApp sends: the one submitted for approval; else the richest one, since a plain
    /// <c>twilio/text</c> beside another type is the fallback for channels that cannot show that one.
    /// </summary>
    private static string? WhatsAppType(JObject? types, string? submitted)
    {
        if (types is null || !types.HasValues)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(submitted) && types.ContainsKey(submitted))
        {
            return submitted;
        }

        var names = types.Properties().Select(p => p.Name).ToList();
        return names.FirstOrDefault(name => name != TextType) ?? names[0];
    }

    private static Dictionary<string, string?> Samples(JObject? variables)
    {
        var samples = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in variables?.Properties() ?? [])
        {
            samples[property.Name] = AsText(property.Value);
        }

        return samples;
    }

    private static string? Text(JObject? json, string name) => json is null ? null : AsText(json[name]);

    // As written: a string as it is, anything else but null in its JSON form.
    private static string? AsText(JToken? token) => token?.Type switch
    {
        null or JTokenType.Null or JTokenType.Undefined => null,
        JTokenType.String => token.Value<string>(),
        _ => Json(token),
    };

    // The overload with converters exists in every Newtonsoft.Json 13 that the SDK may meet at run time (test hosts
    // load 13.0.1); ToString(Formatting) alone does not.
    private static string Json(JToken token) => token.ToString(Formatting.None, []);
}
