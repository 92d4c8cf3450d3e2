namespace Messaging.Domain.Messages;

/// <summary>Twilio's message lifecycle, outbound and inbound.</summary>
public enum MessageStatus
{
    Accepted,
    Scheduled,
    Queued,
    Sending,
    Sent,
    Delivered,
    Read,
    Undelivered,
    Failed,
    Canceled,
    Receiving,
    Received,

    /// <summary>
    /// A send whose create call ended without an answer (a timeout or a connection lost after the request went out):
    /// Twilio may or may not have created it, so it has no SID yet. Any status Twilio reports supersedes it.
    /// </summary>
    Unknown,
}
