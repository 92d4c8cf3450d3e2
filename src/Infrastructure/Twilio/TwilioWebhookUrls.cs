using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Messaging.Infrastructure.Twilio;

/// <summary>The addresses of this service's webhooks: where Twilio is asked to post, and what it signs.</summary>
public sealed class TwilioWebhookUrls(IOptionsMonitor<TwilioOptions> options, IServiceProvider services)
{
    /// <summary>Where Twilio should post status changes of a message sent now; null when Twilio could not reach us.</summary>
    public Uri? StatusCallback => For(TwilioWebhookPaths.Status);

    /// <summary>
    /// <see cref="StatusCallback"/> naming the message stored under <paramref name="messageId"/>, so that the callbacks of
    /// a send whose answer was lost still find its row (Twilio signs the URL with its query).
    /// </summary>
    public Uri? StatusCallbackFor(Guid messageId) =>
        StatusCallback is { } url
            ? new Uri($"{url.AbsoluteUri}?{TwilioWebhookPaths.MessageIdParameter}={messageId:D}", UriKind.Absolute)
            : null;

    /// <summary>Where Twilio should post messages customers send; null when Twilio could not reach us.</summary>
    public Uri? Inbound => For(TwilioWebhookPaths.Inbound);

    /// <summary>
    /// The URL Twilio signed for <paramref name="request"/>: under <see cref="TwilioOptions.PublicBaseUrl"/> when it is
    /// configured (a proxy in front of the service changes the address), else the address the request arrived at.
    /// </summary>
    public Uri SignedUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var publicBaseUrl = options.CurrentValue.PublicBaseUrl;
        var url = publicBaseUrl is null
            ? request.GetEncodedUrl()
            : Join(publicBaseUrl, request.Path.ToUriComponent()) + request.QueryString.ToUriComponent();
        return new Uri(url, UriKind.Absolute);
    }

    private static string Join(Uri baseUrl, string path) => baseUrl.AbsoluteUri.TrimEnd('/') + path;

    private Uri? For(string path)
    {
        var settings = options.CurrentValue;
        if (settings.PublicBaseUrl is { } publicBaseUrl)
        {
            return new Uri(Join(publicBaseUrl, path), UriKind.Absolute);
        }

        // Without a public address only an emulator on this machine can call back, at the address the server listens
        // on; Twilio itself could not reach that.
        if (settings.HasCredentials)
        {
            return null;
        }

        var local = ListeningAddress();
        return local is null ? null : new Uri(Join(local, path), UriKind.Absolute);
    }

    // Read at each use: the server knows its addresses (a port chosen at start, for one) only once it listens. A host
    // with no server, or an in-memory test server, has none.
    private Uri? ListeningAddress()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is null ? null : ServerAddressSelector.Pick(addresses);
    }
}
