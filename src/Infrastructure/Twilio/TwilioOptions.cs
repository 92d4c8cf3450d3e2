using Messaging.TwilioEmulator;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The <c>Twilio</c> configuration section. With no credentials the service talks to an embedded emulator with fixed
/// development credentials; with both credentials it talks to Twilio (or to <see cref="ApiBaseUrl"/>).
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The WhatsApp sender, <c>whatsapp:+E164</c>. Without credentials it defaults to Twilio's sandbox number.</summary>
    public string? From { get; set; }

    /// <summary>
    /// The sender in effect: <see cref="From"/>, or Twilio's sandbox number when none is set. Sends use it and the
    /// embedded emulator answers as it, so the two cannot disagree.
    /// </summary>
    public string Sender => string.IsNullOrWhiteSpace(From) ? TwilioEmulatorDefaults.Sender : From;

    /// <summary>Sends the SDK's requests here instead of <c>https://api.twilio.com</c>, e.g. to a separately run emulator.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Where the embedded emulator listens; port 0 (the default) picks any free port.</summary>
    public Uri? EmulatorUrl { get; set; }

    /// <summary>
    /// This service's address as Twilio reaches it (scheme, host and any path prefix a proxy adds), e.g.
    /// <c>https://support.example.com</c>. Sends ask Twilio to post status callbacks under it, and webhook signatures
    /// are checked against it, since behind a proxy the address a request arrives at is not the one Twilio signed.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Says, outside Development, that running against an emulator is intended: the embedded one (no credentials) or a
    /// separately run one (<see cref="ApiBaseUrl"/> with the emulator's public credentials). Nothing then reaches
    /// WhatsApp, and webhooks are checked with a token anyone can read, so the service refuses to start that way
    /// unless this is true.
    /// </summary>
    public bool UseEmulator { get; set; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);

    /// <summary>True when neither credentials nor another API address are configured.</summary>
    public bool UsesEmbeddedEmulator =>
        string.IsNullOrWhiteSpace(AccountSid) && string.IsNullOrWhiteSpace(AuthToken) && ApiBaseUrl is null;
}
