namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// A message create went out but no answer came back (a timeout, or the connection lost mid-answer): Twilio may have
/// created the message or not. Sending it again could message the customer twice.
/// </summary>
public sealed class TwilioOutcomeUnknownException : Exception
{
    public TwilioOutcomeUnknownException()
    {
    }

    public TwilioOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public TwilioOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
