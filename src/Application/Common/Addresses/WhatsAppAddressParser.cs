using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using PhoneNumbers;

namespace Messaging.Application.Common.Addresses;

/// <summary>
/// Turns user input into a canonical <see cref="WhatsAppAddress"/>. Accepted forms are <c>+14155550123</c> and
/// <c>whatsapp:+14155550123</c> (prefix in any ASCII case), with surrounding whitespace ignored. Separators, letters,
/// extensions, national numbers without a country code and other schemes such as <c>sms:</c> are refused, so what the
/// dashboard shows is exactly what Twilio is asked to send to.
/// </summary>
public static class WhatsAppAddressParser
{
    // E.164 allows at most 15 digits; anything longer is refused before libphonenumber sees it.
    private const int MaxDigits = WhatsAppAddress.MaxDigits;

    // What libphonenumber answers for a country code no country uses.
    private const string UnknownRegion = "ZZ";

    // Addresses remembered; past this many, new ones are parsed every time (no eviction to pay for).
    private const int RememberedLimit = 10_000;

    private static readonly PhoneNumberUtil PhoneNumbers = PhoneNumberUtil.GetInstance();

    // libphonenumber's parse is tens of microseconds of regular expressions, and every request parses the same few
    // addresses (the sender, the customers writing now) in its validator and again in its handler. Only addresses that
    // parsed are kept, so input that is refused cannot fill the memory.
    private static readonly ConcurrentDictionary<string, WhatsAppAddress> Parsed = new(StringComparer.Ordinal);

    public static bool TryParse(string? input, [NotNullWhen(true)] out WhatsAppAddress? address)
    {
        if (input is null)
        {
            address = null;
            return false;
        }

        if (Parsed.TryGetValue(input, out address))
        {
            return true;
        }

        if (!TryParseNew(input, out address))
        {
            return false;
        }

        if (Parsed.Count < RememberedLimit)
        {
            Parsed.TryAdd(input, address);
        }

        return true;
    }

    /// <summary>Parses input already known to be valid, such as configuration or a validated request.</summary>
    /// <exception cref="FormatException">The input is not a WhatsApp address.</exception>
    public static WhatsAppAddress Parse(string? input) =>
        TryParse(input, out var address)
            ? address
            : throw new FormatException("Not a WhatsApp address: expected '+' and the number in international form, optionally after 'whatsapp:'.");

    private static bool TryParseNew(string input, [NotNullWhen(true)] out WhatsAppAddress? address)
    {
        address = null;

        var candidate = input.AsSpan().Trim();
        if (candidate.Length >= WhatsAppAddress.Prefix.Length
            && Ascii.EqualsIgnoreCase(candidate[..WhatsAppAddress.Prefix.Length], WhatsAppAddress.Prefix))
        {
            candidate = candidate[WhatsAppAddress.Prefix.Length..];
        }

        if (!IsPlusAndDigits(candidate))
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = PhoneNumbers.Parse(candidate.ToString(), null);
        }
        catch (NumberParseException)
        {
            return false;
        }

        if (!IsAcceptable(number))
        {
            return false;
        }

        // libphonenumber drops a trunk prefix typed after the country code (+44 0…, +1 1…), which would send to a
        // number other than the one typed; only input that already is the canonical number is taken.
        var e164 = PhoneNumbers.Format(number, PhoneNumberFormat.E164);
        if (!candidate.SequenceEqual(e164) || !FitsCanonicalShape(e164))
        {
            return false;
        }

        address = WhatsAppAddress.FromE164(e164);
        return true;
    }


    private static bool IsAcceptable(PhoneNumber number)
    {
        // Non-geographic codes (+800 freephone, +882 networks, ...) cannot hold a WhatsApp account.
        var region = PhoneNumbers.GetRegionCodeForCountryCode(number.CountryCode);
        if (region is UnknownRegion or PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY)
        {
            return false;
        }

        // libphonenumber's metadata calls some numbers Twilio and carriers deliver to invalid: ranges allocated after
        // the metadata was built, and reserved example ranges such as the UK's +44 7700 900xxx that documentation and
        // test fixtures use. For those a plausible length under a country code that exists is enough here; Twilio stays
        // the authority and refuses a number that does not exist (error 21211), which is stored as a failed message.
        return PhoneNumbers.IsValidNumber(number)
            || PhoneNumbers.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
    }

    private static bool IsPlusAndDigits(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length < 2 || candidate.Length > MaxDigits + 1 || candidate[0] != '+')
        {
            return false;
        }

        foreach (var c in candidate[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // A number libphonenumber accepts outside the domain's 8 to 15 digits cannot be represented.
    private static bool FitsCanonicalShape(string e164) => WhatsAppAddress.IsE164Shape(e164);
}
