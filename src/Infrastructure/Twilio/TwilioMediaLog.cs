namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The media client's log lines. None carries a credential, a full URL or text a client or webhook chose: host names
/// logged here passed <see cref="Uri"/>'s parsing, which admits no control characters in a host.
/// </summary>
internal static partial class TwilioMediaLog
{
    [LoggerMessage(
        EventId = 20,
        Level = LogLevel.Warning,
        Message = "Refused to fetch a medium whose URL is not a Twilio Media resource of this account and message; no request was made.")]
    public static partial void NotAMedium(ILogger logger);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "A Twilio media redirect to {Host} was not followed: {Reason}")]
    public static partial void RedirectRefused(ILogger logger, string reason, string host);
}
