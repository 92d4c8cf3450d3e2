namespace Messaging.Application.Common.Exceptions;

/// <summary>Twilio refused a request with one of its error codes (a 4xx answer), e.g. 21211 for an invalid 'To'.</summary>
public sealed class TwilioRejectedException : Exception
{
    public TwilioRejectedException()
    {
    }

    public TwilioRejectedException(string message)
        : base(message)
    {
    }

    public TwilioRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TwilioRejectedException(int twilioCode, string message, int httpStatus, string? moreInfo, Exception? innerException = null)
        : base(message, innerException)
    {
        TwilioCode = twilioCode;
        HttpStatus = httpStatus;
        MoreInfo = moreInfo;
    }

    public int TwilioCode { get; }

    public int HttpStatus { get; }

    public string? MoreInfo { get; }
}
