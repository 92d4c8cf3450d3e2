namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// A medium's URL does not name a Twilio Media resource of this account and message, so it is not fetched: fetching
/// it would lend this account's Twilio credentials to whoever wrote the URL.
/// </summary>
public sealed class MediaSourceNotAllowedException : Exception
{
    public MediaSourceNotAllowedException()
    {
    }

    public MediaSourceNotAllowedException(string message)
        : base(message)
    {
    }

    public MediaSourceNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
