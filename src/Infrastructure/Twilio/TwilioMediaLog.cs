using Microsoft.Extensions.Logging;

namespace Messaging.Infrastructure.Twilio;

/// <summary>The media client's log lines. None carries a credential or a full media URL.</summary>
internal static partial class TwilioMediaLog
{
    [LoggerMessage(
        EventId = 20,
        Level = LogLevel.Warning,
        Message = "Refused to fetch a medium from {Origin}: not a Twilio media host, so no request was made.")]
    public static partial void HostRefused(ILogger logger, string origin);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "A Twilio medium could not be fetched: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string reason);
}
