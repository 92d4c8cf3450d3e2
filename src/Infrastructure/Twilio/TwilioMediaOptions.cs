namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The media settings of the <c>Twilio</c> section: which hosts may receive this account's credentials when the
/// service fetches a customer's medium, and how large a medium it relays.
/// </summary>
public sealed class TwilioMediaOptions
{
    public const long DefaultMaxMediaBytes = 16 * 1024 * 1024;

    public static readonly Uri TwilioApiHost = new("https://api.twilio.com");

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) that serve Twilio media; default <c>https://api.twilio.com</c>. The
    /// embedded emulator and <see cref="TwilioOptions.ApiBaseUrl"/> are added to these automatically.
    /// </summary>
    public IReadOnlyList<Uri>? MediaHosts { get; set; }

    /// <summary>The largest medium relayed, in bytes; default 16 MiB (WhatsApp's largest media are 16 MB).</summary>
    public long MaxMediaBytes { get; set; } = DefaultMaxMediaBytes;
}
