namespace Messaging.Application.Common.Interfaces;

/// <summary>Decides whether the service may send webhooks to a URL's host.</summary>
public interface IWebhookAddressCheck
{
    /// <summary>Why the service must not connect to <paramref name="url"/>'s host, or null when it may.</summary>
    Task<string?> RefusalFor(Uri url, CancellationToken cancellationToken);
}
