namespace Messaging.TestSupport;

/// <summary>
/// Twilio's documented test numbers that it refuses as a recipient, each with the error code of its refusal, as test
/// cases (to, code): the emulator refuses them as Twilio does, and every layer above carries the code on.
/// </summary>
public static class RefusedTestNumbers
{
    private static readonly (string Number, int Code)[] Refusals =
    [
        ("+15005550001", 21211),
        ("+15005550002", 21612),
        ("+15005550003", 21408),
        ("+15005550004", 21610),
        ("+15005550009", 21614),
    ];

    /// <summary>The numbers in E.164, as the API takes them.</summary>
    public static IEnumerable<TestCaseData> AsNumbers => Refusals.Select(r => new TestCaseData(r.Number, r.Code));

    /// <summary>The numbers as WhatsApp addresses, as Twilio's API takes them for WhatsApp.</summary>
    public static IEnumerable<TestCaseData> AsWhatsAppAddresses => Refusals.Select(r => new TestCaseData("whatsapp:" + r.Number, r.Code));
}
