namespace Messaging.Application.Templates.Queries.GetTemplates;

/// <summary>A content template as the API lists it.</summary>
public sealed record TemplateDto
{
    /// <summary>What a send's <c>contentSid</c> takes.</summary>
    public string Sid { get; init; } = string.Empty;

    public string FriendlyName { get; init; } = string.Empty;

    public string Language { get; init; } = string.Empty;

    /// <summary>The content type WhatsApp sends: <c>twilio/text</c>, <c>twilio/media</c>, <c>twilio/quick-reply</c>, …</summary>
    public string ContentType { get; init; } = string.Empty;

    /// <summary>The text WhatsApp shows, with its <c>{{1}}</c>-style variables; null when the content type has none.</summary>
    public string? Text { get; init; }

    /// <summary>Every variable a send fills in <c>contentVariables</c>, with the sample value the template was submitted with.</summary>
    public IReadOnlyList<TemplateVariableDto> Variables { get; init; } = [];

    /// <summary>WhatsApp's approval status exactly as Twilio reports it; null when Twilio reports none. Only <c>approved</c> can be sent.</summary>
    public string? ApprovalStatus { get; init; }

    /// <summary>Why WhatsApp rejected the template, as Twilio reports it.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>WhatsApp's template category (<c>UTILITY</c>, <c>MARKETING</c>, <c>AUTHENTICATION</c>), as Twilio reports it.</summary>
    public string? Category { get; init; }
}
