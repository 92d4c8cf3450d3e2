namespace Messaging.Application.Common.Exceptions;

/// <summary>A webhook URL's host is not on the public internet (or cannot be resolved), so the service will not call it.</summary>
public sealed class WebhookUrlNotAllowedException : Exception
{
    public WebhookUrlNotAllowedException()
    {
    }

    public WebhookUrlNotAllowedException(string message)
        : base(message)
    {
    }

    public WebhookUrlNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
