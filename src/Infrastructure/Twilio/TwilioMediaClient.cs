using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Messaging.Application.Common.Exceptions;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Fetches customer media the way Twilio serves them: the Media resource on Twilio's API, with the account's basic
/// credentials, answers with a redirect to a signed CDN address, which is followed without credentials. The resource
/// fetched is built from the configured API origin and account (see <see cref="TwilioMediaAddress"/>), never taken
/// from a URL, and redirects are followed only to Twilio's CDN hosts on public addresses.
/// </summary>
internal sealed class TwilioMediaClient(
    IHttpClientFactory httpClientFactory,
    TwilioAccount account,
    TwilioApiAddress apiAddress,
    IOptionsMonitor<TwilioMediaOptions> mediaOptions,
    ILogger<TwilioMediaClient> logger) : ITwilioMediaClient
{
    public const string HttpClientName = "TwilioMedia";

    /// <summary>Twilio redirects once, to its CDN; a few more hops are tolerated, a loop is not.</summary>
    public const int MaxRedirects = 3;

    public async Task<MediaContent> OpenAsync(string messageSid, string mediaUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageSid);
        if (!TwilioMediaAddress.TryGetMediaSid(mediaUrl, account.AccountSid, messageSid, out var mediaSid))
        {
            TwilioLog.NotAMedium(logger);
            throw new MediaSourceNotAllowedException(
                "The medium's URL is not a Twilio Media resource of this account and message; it was not fetched.");
        }

        var settings = mediaOptions.CurrentValue;
        var http = httpClientFactory.CreateClient(HttpClientName);
        var url = TwilioMediaAddress.Build(apiAddress.Origin, account.AccountSid, messageSid, mediaSid);
        AuthenticationHeaderValue? authorization = Credentials();
        for (var hop = 0; ; hop++)
        {
            var response = await SendAsync(http, url, authorization, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                var location = response.Headers.Location;
                response.Dispose();
                url = NextHop(url, location, hop, settings);

                // The credentials are for Twilio's API only; its CDN addresses are signed and need none.
                authorization = null;
                continue;
            }

            return await OpenContentAsync(response, settings.MaxMediaBytes, cancellationToken);
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

    private static async Task<HttpResponseMessage> SendAsync(
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
            // Outages are logged once, with this exception as the cause, where the request ends.
            throw new MediaUnavailableException("Twilio's media host could not be reached.", ex);
        }
    }

    private Uri NextHop(Uri current, Uri? location, int hop, TwilioMediaOptions settings)
    {
        if (location is null)
        {
            throw Refused("Twilio redirected without a location.", current);
        }

        if (hop >= MaxRedirects)
        {
            throw Refused($"Twilio redirected more than {MaxRedirects} times.", current);
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.UserInfo.Length > 0)
        {
            throw Refused("Twilio redirected to an address with credentials in it.", next);
        }

        // Back to the API's own origin (where the emulator serves its media) is where the first hop already went; any
        // other address must be one of Twilio's CDN hosts over https, and the connector refuses it if it resolves to an
        // address that is not public.
        if (apiAddress.IsOrigin(next))
        {
            return next;
        }

        if (next.Scheme != Uri.UriSchemeHttps)
        {
            throw Refused($"Twilio redirected to an address that is not https ({next.Scheme}).", next);
        }

        return settings.EffectiveCdnHosts.Any(host => string.Equals(host, next.IdnHost, StringComparison.OrdinalIgnoreCase))
            ? next
            : throw Refused("Twilio redirected to a host that is not one of Twilio:MediaCdnHosts.", next);
    }

    private MediaUnavailableException Refused(string reason, Uri url)
    {
        TwilioLog.RedirectRefused(logger, reason, url.IdnHost);
        return new MediaUnavailableException(reason);
    }

    private AuthenticationHeaderValue Credentials() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.AccountSid}:{account.AuthToken}")));

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
