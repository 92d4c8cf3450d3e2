namespace Messaging.Domain.Messages;

/// <summary>
/// A WhatsApp address as Twilio writes it: <c>whatsapp:+&lt;E.164&gt;</c>.
/// Whether the number exists is decided by the parser in Application (libphonenumber);
/// the domain only guarantees the canonical shape.
/// </summary>
public sealed record WhatsAppAddress
{
    public const string Prefix = "whatsapp:";

    /// <summary>The fewest and most digits an E.164 number has here.</summary>
    public const int MinDigits = 8;

    public const int MaxDigits = 15;

    private WhatsAppAddress(string e164) => E164 = e164;

    /// <summary>The number in E.164 form, e.g. <c>+14155550123</c>.</summary>
    public string E164 { get; }

    /// <summary>The canonical address, e.g. <c>whatsapp:+14155550123</c>.</summary>
    public string Value => Prefix + E164;

    /// <summary>Builds an address from a number already normalised to E.164.</summary>
    public static WhatsAppAddress FromE164(string e164)
    {
        if (e164 is null || !IsE164Shape(e164))
        {
            throw new ArgumentException("Not an E.164 number: '+' followed by 8 to 15 digits, the first not 0.", nameof(e164));
        }

        return new WhatsAppAddress(e164);
    }

    public override string ToString() => Value;

    /// <summary>
    /// The one check of the canonical shape, for everything that reads an address it did not build: '+' followed by
    /// <see cref="MinDigits"/> to <see cref="MaxDigits"/> digits, the first not 0.
    /// </summary>
    public static bool IsE164Shape(ReadOnlySpan<char> value)
    {
        if (value.Length < MinDigits + 1 || value.Length > MaxDigits + 1 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        foreach (var c in value[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is <see cref="Prefix"/> followed by an E.164 number, exactly as this
    /// type writes it.</summary>
    public static bool IsCanonical(ReadOnlySpan<char> value) =>
        value.StartsWith(Prefix, StringComparison.Ordinal) && IsE164Shape(value[Prefix.Length..]);
}
