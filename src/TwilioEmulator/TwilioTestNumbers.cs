namespace Messaging.TwilioEmulator;

/// <summary>
/// Twilio's documented magic 'To' numbers for test credentials: each one fails with a known error,
/// so clients can exercise their error handling without a real handset.
/// </summary>
internal static class TwilioTestNumbers
{
    public static TwilioError? ErrorFor(string to, string from)
    {
        var number = to.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? to["whatsapp:".Length..] : to;
        return number switch
        {
            "+15005550001" => TwilioError.Of(400, 21211, $"The 'To' number {to} is not a valid phone number."),
            "+15005550002" => TwilioError.Of(
                400,
                21612,
                $"The 'To' phone number: {to}, is not currently reachable using the 'From' phone number: {from} via WhatsApp."),
            "+15005550003" => TwilioError.Of(
                400,
                21408,
                $"Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {to}."),
            "+15005550004" => TwilioError.Of(400, 21610, "Attempt to send to unsubscribed recipient"),
            "+15005550009" => TwilioError.Of(400, 21614, $"'To' number {to} is not a valid mobile number"),
            _ => null,
        };
    }
}
