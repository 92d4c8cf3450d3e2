namespace Messaging.Infrastructure.Twilio;

/// <summary>What checking a webhook request found.</summary>
public enum TwilioWebhookVerdict
{
    Valid,
    MissingSignature,
    InvalidSignature,
    OtherAccount,
}
