namespace Messaging.Application.Common.Exceptions;

/// <summary>Twilio could not be reached or failed on its side (5xx); nothing was sent.</summary>
public sealed class TwilioUnavailableException : Exception
{
    public TwilioUnavailableException()
    {
    }

    public TwilioUnavailableException(string message)
        : base(message)
    {
    }

    public TwilioUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
