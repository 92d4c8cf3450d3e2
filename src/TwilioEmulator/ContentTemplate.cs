namespace Messaging.TwilioEmulator;

/// <summary>
/// A content template of the emulator's Content API: one language, one content type whose text is what WhatsApp
/// shows, <c>{{1}}</c>-style variables with sample values, and its WhatsApp approval.
/// </summary>
public sealed record ContentTemplate
{
    /// <summary><c>HX</c> followed by 32 hex digits.</summary>
    public required string Sid { get; init; }

    public required string FriendlyName { get; init; }

    /// <summary>The template's language, e.g. <c>en</c>, <c>es</c>, <c>pt_BR</c>.</summary>
    public required string Language { get; init; }

    /// <summary><c>twilio/text</c>, <c>twilio/media</c>, <c>twilio/quick-reply</c> or <c>twilio/call-to-action</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The text with its placeholders, e.g. <c>Hi {{1}}, your order {{2}} has shipped.</c></summary>
    public required string Body { get; init; }

    /// <summary>Sample values of the variables; Twilio also falls back to them for variables a send leaves out.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The media URLs of a <c>twilio/media</c> template.</summary>
    public IReadOnlyList<string> Media { get; init; } = [];

    /// <summary>The buttons of a <c>twilio/quick-reply</c> or <c>twilio/call-to-action</c> template.</summary>
    public IReadOnlyList<ContentAction> Actions { get; init; } = [];

    public required WhatsAppApproval Approval { get; init; }

    /// <summary>When the template was created; the emulator's start time when not set.</summary>
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the template last changed; <see cref="DateCreated"/> when not set.</summary>
    public DateTimeOffset? DateUpdated { get; init; }

    public bool IsApprovedForWhatsApp => Approval.Status == WhatsAppApprovalStatus.Approved;
}
