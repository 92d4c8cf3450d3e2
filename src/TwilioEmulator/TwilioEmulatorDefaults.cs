namespace Messaging.TwilioEmulator;

/// <summary>
/// Fixed development credentials of the emulator. They open nothing at the real Twilio, so they can be public.
/// </summary>
public static class TwilioEmulatorDefaults
{
    public const string AccountSid = "AC00000000000000000000000000e1a701";

    public const string AuthToken = "emulator0auth0token0not0a0secret";

    /// <summary>Twilio's WhatsApp sandbox number, the sender every sandbox account shares.</summary>
    public const string Sender = "whatsapp:+14155238886";
}
