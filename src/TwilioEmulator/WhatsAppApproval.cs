namespace Messaging.TwilioEmulator;

/// <summary>
/// A content template's WhatsApp approval request, as Twilio's Content API reports it in <c>approval_requests</c> (and
/// in <c>whatsapp</c> of <c>/v1/Content/{Sid}/ApprovalRequests</c>).
/// </summary>
public sealed record WhatsAppApproval
{
    /// <summary>One of <see cref="WhatsAppApprovalStatus"/>; only <see cref="WhatsAppApprovalStatus.Approved"/> reaches a closed window.</summary>
    public required string Status { get; init; }

    /// <summary>WhatsApp's template category, e.g. <c>UTILITY</c>, <c>MARKETING</c>, <c>AUTHENTICATION</c>.</summary>
    public string Category { get; init; } = "UTILITY";

    /// <summary>The name submitted to WhatsApp; the template's friendly name when not set.</summary>
    public string? Name { get; init; }

    /// <summary>Why WhatsApp rejected it; empty unless <see cref="Status"/> is <c>rejected</c>, as Twilio writes it.</summary>
    public string RejectionReason { get; init; } = string.Empty;

    public bool AllowCategoryChange { get; init; } = true;
}
