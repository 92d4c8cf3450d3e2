namespace Messaging.Application.Common.Exceptions;

/// <summary>A medium could not be fetched from Twilio: unreachable, an error answer, a bad redirect, or too large.</summary>
public sealed class MediaUnavailableException : Exception
{
    public MediaUnavailableException()
    {
    }

    public MediaUnavailableException(string message)
        : base(message)
    {
    }

    public MediaUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
