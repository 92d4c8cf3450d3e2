namespace Messaging.TwilioEmulator;

/// <summary>
/// The 'To' numbers that make the emulator fail, in one place. The <c>+1500555000x</c> numbers are Twilio's documented
/// magic numbers for test credentials: the create itself is refused with a Twilio error (HTTP 400). The
/// <c>+1500555002x</c> numbers are the emulator's own: the create is accepted (201, queued) and the message then fails
/// through its status callbacks, as a handset that cannot be reached would make it.
/// </summary>
public static class TwilioTestNumbers
{
    /// <summary>Refused at create with 21211, not a valid phone number.</summary>
    public const string InvalidNumber = "+15005550001";

    /// <summary>Refused at create with 21612, not reachable from the sender.</summary>
    public const string Unreachable = "+15005550002";

    /// <summary>Refused at create with 21408, region not enabled.</summary>
    public const string RegionNotEnabled = "+15005550003";

    /// <summary>Refused at create with 21610, the recipient unsubscribed.</summary>
    public const string Unsubscribed = "+15005550004";

    /// <summary>Refused at create with 21614, not a mobile number.</summary>
    public const string NotMobile = "+15005550009";

    /// <summary>Accepted, then <c>sent</c> and <c>undelivered</c> with 30003, unreachable destination handset.</summary>
    public const string Undelivered = "+15005550020";

    /// <summary>Accepted, then <c>failed</c> with 30008, unknown error; no <c>sent</c> before it.</summary>
    public const string Failed = "+15005550021";

    internal const int UnreachableHandsetCode = 30003;

    internal const int UnknownErrorCode = 30008;

    internal static TwilioError? ErrorFor(string to, string from)
    {
        return Number(to) switch
        {
            InvalidNumber => TwilioError.Of(400, 21211, $"The 'To' number {to} is not a valid phone number."),
            Unreachable => TwilioError.Of(
                400,
                21612,
                $"The 'To' phone number: {to}, is not currently reachable using the 'From' phone number: {from} via WhatsApp."),
            RegionNotEnabled => TwilioError.Of(
                400,
                21408,
                $"Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {to}."),
            Unsubscribed => TwilioError.Of(400, 21610, "Attempt to send to unsubscribed recipient"),
            NotMobile => TwilioError.Of(400, 21614, $"'To' number {to} is not a valid mobile number"),
            _ => null,
        };
    }

    /// <summary>The statuses an accepted message to <paramref name="to"/> goes through, when it is a failing number.</summary>
    internal static IReadOnlyList<StatusStep>? FailingLifecycleFor(string to) => Number(to) switch
    {
        Undelivered => [StatusStep.Sent, StatusStep.Undelivered(UnreachableHandsetCode, "Unreachable destination handset")],
        Failed => [StatusStep.Failed(UnknownErrorCode, "Unknown error")],
        _ => null,
    };

    internal static string Number(string address) =>
        address.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? address["whatsapp:".Length..] : address;
}
