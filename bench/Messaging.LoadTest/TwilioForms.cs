using Messaging.TwilioEmulator;

namespace Messaging.LoadTest;

/// <summary>The fields Twilio posts to webhooks (as the emulator posts them), signed with the emulator's auth token.</summary>
internal static class TwilioForms
{
    public const string SignatureHeader = TwilioRequestSigner.HeaderName;

    public const string Sender = TwilioEmulatorDefaults.Sender;

    private const string ApiVersion = "2010-04-01";

    public static string Sign(Uri url, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        TwilioRequestSigner.Sign(TwilioEmulatorDefaults.AuthToken, url.AbsoluteUri, fields);

    /// <summary>An inbound WhatsApp message from <paramref name="from"/> (<c>whatsapp:+…</c>).</summary>
    public static List<KeyValuePair<string, string>> Inbound(string sid, string from, string body, string profileName) =>
    [
        new("SmsMessageSid", sid),
        new("NumMedia", "0"),
        new("ProfileName", profileName),
        new("MessageType", "text"),
        new("SmsSid", sid),
        new("WaId", from["whatsapp:+".Length..]),
        new("SmsStatus", "received"),
        new("Body", body),
        new("To", Sender),
        new("NumSegments", "1"),
        new("ReferralNumMedia", "0"),
        new("MessageSid", sid),
        new("AccountSid", TwilioEmulatorDefaults.AccountSid),
        new("From", from),
        new("ChannelPrefix", "whatsapp"),
        new("ApiVersion", ApiVersion),
    ];

    /// <summary>A status callback for the message <paramref name="sid"/> sent to <paramref name="to"/>.</summary>
    public static List<KeyValuePair<string, string>> Status(string sid, string to, string status) =>
    [
        new("ChannelPrefix", "whatsapp"),
        new("ApiVersion", ApiVersion),
        new("MessageStatus", status),
        new("SmsSid", sid),
        new("SmsStatus", status),
        new("To", to),
        new("From", Sender),
        new("MessageSid", sid),
        new("AccountSid", TwilioEmulatorDefaults.AccountSid),
    ];
}
