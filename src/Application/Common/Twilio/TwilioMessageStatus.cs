using System.Diagnostics.CodeAnalysis;

namespace Messaging.Application.Common.Twilio;

/// <summary>Twilio's status words, as in API answers and status callbacks, and the <see cref="MessageStatus"/> each means.</summary>
public static class TwilioMessageStatus
{
    /// <summary>Maps e.g. <c>delivered</c> (any ASCII case, surrounding whitespace ignored) to <see cref="MessageStatus.Delivered"/>.</summary>
    public static bool TryParse(string? twilioStatus, [NotNullWhen(true)] out MessageStatus? status)
    {
        status = twilioStatus?.Trim().ToLowerInvariant() switch
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
            _ => null,
        };
        return status is not null;
    }
}
