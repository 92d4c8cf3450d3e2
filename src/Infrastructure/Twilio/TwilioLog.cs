namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The log lines of the Twilio gateway and of the media client, in one place so their event ids stay apart. None of
/// them carries a credential.
/// </summary>
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

    // The media client's lines carry no full URL and no text a client or webhook chose: host names logged here passed
    // Uri's parsing, which admits no control characters in a host.
    [LoggerMessage(
        EventId = 20,
        Level = LogLevel.Warning,
        Message = "Refused to fetch a medium whose URL is not a Twilio Media resource of this account and message; no request was made.")]
    public static partial void NotAMedium(ILogger logger);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "A Twilio media redirect to {Host} was not followed: {Reason}")]
    public static partial void RedirectRefused(ILogger logger, string reason, string host);
}
