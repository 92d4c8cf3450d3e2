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
}
