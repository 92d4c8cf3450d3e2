namespace Messaging.TwilioEmulator;

/// <summary>The WhatsApp approval statuses Twilio's Content API reports in <c>approval_requests.status</c>.</summary>
public static class WhatsAppApprovalStatus
{
    /// <summary>Never submitted to WhatsApp.</summary>
    public const string Unsubmitted = "unsubmitted";

    /// <summary>Submitted; Twilio has received it and not yet passed it on.</summary>
    public const string Received = "received";

    /// <summary>Waiting for WhatsApp's review.</summary>
    public const string Pending = "pending";

    public const string Approved = "approved";

    /// <summary>WhatsApp refused it; <c>rejection_reason</c> says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>Approved once, paused by WhatsApp after poor feedback.</summary>
    public const string Paused = "paused";

    /// <summary>Approved once, disabled by WhatsApp.</summary>
    public const string Disabled = "disabled";
}
