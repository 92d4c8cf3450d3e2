using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;
using Messaging.TwilioEmulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Fetches customer media the way Twilio serves it: the media URL on Twilio's API host, with the account's basic
/// credentials, answers with a redirect to a CDN address, which is followed without credentials. Media URLs come
/// from webhooks, so only configured Twilio hosts are ever asked, and credentials never go anywhere else.
/// </summary>
internal sealed class TwilioMediaClient(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<TwilioOptions> twilioOptions,
    IOptionsMonitor<TwilioMediaOptions> mediaOptions,
    EmbeddedTwilioEmulator emulator,
    ILogger<TwilioMediaClient> logger) : ITwilioMediaClient
{
    public const string HttpClientName = "TwilioMedia";

    /// <summary>Twilio redirects once, to its CDN; a few more hops are tolerated, a loop is not.</summary>
    public const int MaxRedirects = 3;

    public async Task<MediaContent> OpenAsync(Uri mediaUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediaUrl);
        var settings = twilioOptions.CurrentValue;
        var maxBytes = mediaOptions.CurrentValue.MaxMediaBytes;
        if (!IsTwilioHost(mediaUrl, settings))
        {
            var origin = mediaUrl.IsAbsoluteUri ? mediaUrl.GetLeftPart(UriPartial.Authority) : "a relative URL";
            TwilioMediaLog.HostRefused(logger, origin);
            throw new MediaSourceNotAllowedException($"The medium is at {origin}, which is not a Twilio media host; it was not fetched.");
        }

        var http = httpClientFactory.CreateClient(HttpClientName);
        var url = mediaUrl;
        AuthenticationHeaderValue? authorization = Credentials(settings);
        for (var hop = 0; ; hop++)
        {
            var response = await SendAsync(http, url, authorization, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                var location = response.Headers.Location;
                response.Dispose();
                url = NextHop(url, location, hop);

                // The credentials are for Twilio's API only; its CDN addresses are signed and need none.
                authorization = null;
                continue;
            }

            return await OpenContentAsync(response, maxBytes, cancellationToken);
        }
    }

    private static async Task<MediaContent> OpenContentAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new NotFoundException("Twilio has no such medium (any more).");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MediaUnavailableException($"Twilio answered the media request with HTTP {(int)response.StatusCode}.");
            }

            var length = response.Content.Headers.ContentLength;
            if (length > maxBytes)
            {
                throw new MediaUnavailableException($"The medium has {length} bytes, more than the {maxBytes} this service relays.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new MediaContent(new CappedResponseStream(body, response, maxBytes), response.Content.Headers.ContentType?.ToString(), length);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        Uri url,
        AuthenticationHeaderValue? authorization,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            TwilioMediaLog.FetchFailed(logger, ex.Message);
            throw new MediaUnavailableException("Twilio's media host could not be reached.", ex);
        }
    }

    private Uri NextHop(Uri current, Uri? location, int hop)
    {
        if (location is null)
        {
            throw Failed("Twilio redirected without a location.");
        }

        if (hop >= MaxRedirects)
        {
            throw Failed($"Twilio redirected more than {MaxRedirects} times.");
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);

        // Real Twilio hosts are https and so must be where they send us; plain http is only accepted between
        // loopback addresses, which is where the emulator serves its media.
        var secure = next.Scheme == Uri.UriSchemeHttps
            || (next.Scheme == Uri.UriSchemeHttp && current.Scheme == Uri.UriSchemeHttp && next.IsLoopback && current.IsLoopback);
        return secure ? next : throw Failed($"Twilio redirected to an address that is not https ({next.GetLeftPart(UriPartial.Authority)}).");
    }

    private MediaUnavailableException Failed(string reason)
    {
        TwilioMediaLog.FetchFailed(logger, reason);
        return new MediaUnavailableException(reason);
    }

    private bool IsTwilioHost(Uri url, TwilioOptions settings)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0)
        {
            return false;
        }

        return AllowedHosts(settings).Any(host =>
            string.Equals(host.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(host.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            && host.Port == url.Port);
    }

    private IEnumerable<Uri> AllowedHosts(TwilioOptions settings)
    {
        foreach (var host in mediaOptions.CurrentValue.MediaHosts ?? [TwilioMediaOptions.TwilioApiHost])
        {
            yield return host;
        }

        // Where the service already sends its credentials to create messages serves their media too.
        if (settings.ApiBaseUrl is { } apiBaseUrl)
        {
            yield return apiBaseUrl;
        }

        if (settings.UsesEmbeddedEmulator && emulator.IsRunning)
        {
            yield return emulator.Server.BaseAddress;
        }
    }

    private static AuthenticationHeaderValue Credentials(TwilioOptions settings)
    {
        var (accountSid, authToken) = settings.HasCredentials
            ? (settings.AccountSid!, settings.AuthToken!)
            : (TwilioEmulatorDefaults.AccountSid, TwilioEmulatorDefaults.AuthToken);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}")));
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
