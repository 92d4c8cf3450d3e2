namespace Messaging.Infrastructure.Twilio;

/// <summary>What checking a webhook request found.</summary>
public enum TwilioWebhookVerdict
{
    Valid,
    MissingSignature,
    InvalidSignature,
    OtherAccount,

    /// <summary>Signed with this account's token, but naming no account: Twilio names it in every webhook.</summary>
    NoAccount,
}
