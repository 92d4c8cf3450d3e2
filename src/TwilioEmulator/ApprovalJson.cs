namespace Messaging.TwilioEmulator;

/// <summary>A WhatsApp approval request as the Content API writes it.</summary>
internal sealed record ApprovalJson(
    string Name,
    string Category,
    string ContentType,
    string Status,
    string RejectionReason,
    bool AllowCategoryChange);
