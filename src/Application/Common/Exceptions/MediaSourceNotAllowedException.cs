namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// A medium's URL is not on one of Twilio's hosts, so it is not fetched: the URL came from a webhook, and fetching
/// it would send this account's Twilio credentials (or at least a request from inside our network) to whoever wrote it.
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
