namespace Messaging.Infrastructure.Twilio;

/// <summary>The Twilio gateway's log lines. None of them carries a credential.</summary>
internal static partial class TwilioLog
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Information,
        Message = "No Twilio credentials are configured: using the embedded Twilio emulator at {EmulatorAddress}; nothing is sent to WhatsApp.")]
    public static partial void UsingEmbeddedEmulator(ILogger logger, Uri emulatorAddress);

    [LoggerMessage(
        EventId = 6,
        Level = LogLevel.Warning,
        Message = "Twilio:UseEmulator is set in the {Environment} environment: nothing is sent to WhatsApp, and webhooks are checked with the emulator's public auth token, so anyone who can reach this service can forge inbound messages and statuses. Never run it like this where real customers write in.")]
    public static partial void TrustingThePublicToken(ILogger logger, string environment);

    [LoggerMessage(
        EventId = 3,
        Level = LogLevel.Error,
        Message = "Twilio refused this service's credentials (HTTP {HttpStatus}, error {TwilioCode}); check Twilio:AccountSid and Twilio:AuthToken.")]
    public static partial void CredentialsRefused(ILogger logger, int httpStatus, int twilioCode);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Read {Count} content templates from Twilio.")]
    public static partial void TemplatesRead(ILogger logger, int count);

    [LoggerMessage(
        EventId = 8,
        Level = LogLevel.Error,
        Message = "Twilio answered the content template list with HTTP {HttpStatus}, error {TwilioCode}: {TwilioMessage}")]
    public static partial void TemplatesRefused(ILogger logger, int httpStatus, int twilioCode, string twilioMessage);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Twilio could not be reached, or answered nonsense, to list the content templates.")]
    public static partial void TemplatesUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(
        EventId = 10,
        Level = LogLevel.Warning,
        Message = "Twilio did not answer the create of message {MessageId} ({Cause}); it is stored as unknown until Twilio's callback or the reconciler names it.")]
    public static partial void OutcomeUnknown(ILogger logger, Guid messageId, string cause);
}
