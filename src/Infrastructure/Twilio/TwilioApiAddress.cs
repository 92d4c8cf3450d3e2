namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Where this service reaches Twilio's REST API: <see cref="TwilioOptions.ApiBaseUrl"/> when set, else the embedded
/// emulator when it stands in for Twilio, else Twilio itself. Sends and media fetches both go here and nowhere else.
/// </summary>
public sealed class TwilioApiAddress(IOptionsMonitor<TwilioOptions> options, EmbeddedTwilioEmulator emulator)
{
    public static readonly Uri Twilio = new("https://api.twilio.com/");

    /// <summary>The API's origin, e.g. <c>https://api.twilio.com/</c>.</summary>
    public Uri Origin => StandIn ?? Twilio;

    /// <summary>
    /// The origin that stands in for every Twilio API host (<c>api.twilio.com</c>, <c>content.twilio.com</c>, …), or null
    /// when the service talks to Twilio itself and each request keeps the host the SDK chose.
    /// </summary>
    public Uri? StandIn
    {
        get
        {
            var settings = options.CurrentValue;
            if (settings.ApiBaseUrl is { } configured)
            {
                return new Uri(configured.GetLeftPart(UriPartial.Authority) + "/");
            }

            return settings.UsesEmbeddedEmulator ? emulator.Server.BaseAddress : null;
        }
    }

    /// <summary>Whether <paramref name="url"/> is on the API's origin (scheme, host and port).</summary>
    public bool IsOrigin(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var origin = Origin;
        return url.IsAbsoluteUri
            && string.Equals(url.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == origin.Port;
    }
}
