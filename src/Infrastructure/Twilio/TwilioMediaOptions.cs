namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The media settings of the <c>Twilio</c> section: which hosts Twilio may redirect a media fetch to, and how large a
/// medium the service relays.
/// </summary>
public sealed class TwilioMediaOptions
{
    public const long DefaultMaxMediaBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Where Twilio keeps media: <c>mms.twiliocdn.com</c> for accounts that require authentication for media, and
    /// <c>s3-external-1.amazonaws.com</c> for media stored before that was switched on.
    /// </summary>
    public static readonly IReadOnlyList<string> TwilioCdnHosts = ["mms.twiliocdn.com", "s3-external-1.amazonaws.com"];

    /// <summary>
    /// Host names (no scheme, no port) a media fetch may be redirected to, over https; default
    /// <see cref="TwilioCdnHosts"/>. Redirects back to the API's own origin are always followed.
    /// </summary>
    public IReadOnlyList<string>? MediaCdnHosts { get; set; }

    /// <summary>The largest medium relayed, in bytes; default 16 MiB (WhatsApp's largest media are 16 MB).</summary>
    public long MaxMediaBytes { get; set; } = DefaultMaxMediaBytes;

    public IReadOnlyList<string> EffectiveCdnHosts => MediaCdnHosts is { Count: > 0 } hosts ? hosts : TwilioCdnHosts;
}
