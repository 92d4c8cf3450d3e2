namespace Messaging.Application.Common.Models;

/// <summary>
/// A content template of the account as Twilio's Content API reports it: what WhatsApp shows of it, its variables,
/// and its WhatsApp approval exactly as reported.
/// </summary>
public sealed record ContentTemplate
{
    /// <summary>The status Twilio reports for a template WhatsApp approved; only such a template reaches a closed window.</summary>
    public const string Approved = "approved";

    /// <summary><c>HX</c> followed by 32 hex digits.</summary>
    public required string Sid { get; init; }

    public required string FriendlyName { get; init; }

    /// <summary>The language as Twilio reports it, e.g. <c>en</c> or <c>pt_BR</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The content type WhatsApp sends, e.g. <c>twilio/text</c>, <c>twilio/media</c>, <c>twilio/quick-reply</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The text WhatsApp shows, with its <c>{{1}}</c>-style variables; null when the content type has none.</summary>
    public string? Text { get; init; }

    /// <summary>Every variable a send must fill (in the text, media or buttons), in the order of <see cref="Domain.Templates.TemplateText.Ordered"/>.</summary>
    public IReadOnlyList<TemplateVariable> Variables { get; init; } = [];

    /// <summary>
    /// WhatsApp's approval status exactly as Twilio reports it (<c>approved</c>, <c>pending</c>, <c>rejected</c>,
    /// <c>unsubmitted</c>, or any other word Twilio may add); null when Twilio reports none. Never inferred.
    /// </summary>
    public string? ApprovalStatus { get; init; }

    /// <summary>Why WhatsApp rejected the template, as Twilio reports it.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>WhatsApp's category of the template (<c>UTILITY</c>, <c>MARKETING</c>, …), as Twilio reports it.</summary>
    public string? Category { get; init; }

    /// <summary>Whether Twilio reports the template approved for WhatsApp; any other status, or none, is not.</summary>
    public bool IsApprovedForWhatsApp => string.Equals(ApprovalStatus, Approved, StringComparison.OrdinalIgnoreCase);
}
