namespace Messaging.Domain.Messages;

/// <summary>
/// A WhatsApp address as Twilio writes it: <c>whatsapp:+&lt;E.164&gt;</c>.
/// Whether the number exists is decided by the parser in Application (libphonenumber);
/// the domain only guarantees the canonical shape.
/// </summary>
public sealed record WhatsAppAddress
{
    public const string Prefix = "whatsapp:";

    private WhatsAppAddress(string e164) => E164 = e164;

    /// <summary>The number in E.164 form, e.g. <c>+14155550123</c>.</summary>
    public string E164 { get; }

    /// <summary>The canonical address, e.g. <c>whatsapp:+14155550123</c>.</summary>
    public string Value => Prefix + E164;

    /// <summary>Builds an address from a number already normalised to E.164.</summary>
    public static WhatsAppAddress FromE164(string e164)
    {
        if (!IsE164Shape(e164))
        {
            throw new ArgumentException("Not an E.164 number: '+' followed by 8 to 15 digits, the first not 0.", nameof(e164));
        }

        return new WhatsAppAddress(e164);
    }

    public override string ToString() => Value;

    private static bool IsE164Shape(string value)
    {
        if (value is null || value.Length is < 9 or > 16 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
