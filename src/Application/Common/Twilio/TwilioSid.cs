namespace Messaging.Application.Common.Twilio;

public static class TwilioSid
{
    /// <summary>Twilio's SIDs are 34 characters; this is the most a stored SID can hold.</summary>
    public const int MaxLength = 64;
}
