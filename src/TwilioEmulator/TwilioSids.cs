namespace Messaging.TwilioEmulator;

/// <summary>Twilio's SID shape: a two-letter type prefix and 32 lowercase hex digits.</summary>
internal static class TwilioSids
{
    public static string New(string prefix) => prefix + Guid.NewGuid().ToString("N");
}
