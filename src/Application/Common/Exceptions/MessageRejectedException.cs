namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// A send Twilio refused. The refused message was stored as <c>failed</c> under <see cref="MessageId"/>
/// so the dashboard shows it.
/// </summary>
public sealed class MessageRejectedException : Exception
{
    public MessageRejectedException()
    {
    }

    public MessageRejectedException(string message)
        : base(message)
    {
    }

    public MessageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageRejectedException(Guid messageId, int twilioCode, string message, string? moreInfo)
        : base(message)
    {
        MessageId = messageId;
        TwilioCode = twilioCode;
        MoreInfo = moreInfo;
    }

    public Guid MessageId { get; }

    public int TwilioCode { get; }

    public string? MoreInfo { get; }
}
