using Messaging.Application.Common.Twilio;
using Messaging.Domain.Messages;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Translates the status in Twilio's answer to a create-message call to <see cref="MessageStatus"/>.</summary>
public static class TwilioStatusMapper
{
    /// <summary>
    /// Maps e.g. <c>delivered</c> to <see cref="MessageStatus.Delivered"/>. A status Twilio adds later, or none, maps to
    /// <see cref="MessageStatus.Queued"/>: the message exists at Twilio and later callbacks move it on.
    /// </summary>
    public static MessageStatus ToMessageStatus(string? twilioStatus) =>
        TwilioMessageStatus.TryParse(twilioStatus, out var status) ? status.Value : MessageStatus.Queued;
}
