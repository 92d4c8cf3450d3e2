using Messaging.Domain.Messages;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Translates Twilio's status words (API answers and status callbacks) to <see cref="MessageStatus"/>.</summary>
public static class TwilioStatusMapper
{
    /// <summary>
    /// Maps e.g. <c>delivered</c> to <see cref="MessageStatus.Delivered"/>. A status Twilio adds later, or none, maps to
    /// <see cref="MessageStatus.Queued"/>: the message exists at Twilio and later callbacks move it on.
    /// </summary>
    public static MessageStatus ToMessageStatus(string? twilioStatus) => twilioStatus?.Trim().ToLowerInvariant() switch
    {
        "accepted" => MessageStatus.Accepted,
        "scheduled" => MessageStatus.Scheduled,
        "queued" => MessageStatus.Queued,
        "sending" => MessageStatus.Sending,
        "sent" => MessageStatus.Sent,
        "delivered" => MessageStatus.Delivered,
        "read" => MessageStatus.Read,
        "undelivered" => MessageStatus.Undelivered,
        "failed" => MessageStatus.Failed,
        "canceled" => MessageStatus.Canceled,
        "receiving" => MessageStatus.Receiving,
        "received" => MessageStatus.Received,
        _ => MessageStatus.Queued,
    };
}
