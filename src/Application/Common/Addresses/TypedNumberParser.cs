using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace Messaging.Application.Common.Addresses;

/// <summary>
/// Reads a phone number as a person types it — <c>(415) 555-0123</c>, <c>0115 496 0123</c>, <c>+44 7911 123456</c>,
/// <c>011 44 7911 123456</c> — with libphonenumber's rules for the default region, and turns it into the canonical
/// address. The result is then held to <see cref="WhatsAppAddressParser"/>'s rules, so a number read here is always
/// one a send accepts.
/// </summary>
public static class TypedNumberParser
{
    // Long enough for any number with separators and a prefix; longer input is not a phone number.
    public const int MaxLength = 64;

    private static readonly PhoneNumberUtil PhoneNumbers = PhoneNumberUtil.GetInstance();

    public static bool IsKnownRegion(string? region) =>
        region is not null && PhoneNumbers.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());

    /// <param name="problem">Why the input is not a number, in words for the person who typed it.</param>
    public static bool TryParse(
        string? input,
        string? defaultRegion,
        [NotNullWhen(true)] out WhatsAppAddress? address,
        [NotNullWhen(false)] out string? problem)
    {
        address = null;
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? null : defaultRegion.Trim().ToUpperInvariant();
        var text = input?.Trim() ?? string.Empty;
        if (text.StartsWith(WhatsAppAddress.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[WhatsAppAddress.Prefix.Length..].TrimStart();
        }

        problem = ShapeProblem(text);
        if (problem is not null)
        {
            return false;
        }

        var national = region is not null && !text.StartsWith('+');
        var lengthProblem = national
            ? $"That is not a phone number: it has too few or too many digits for a {region} number."
            : "That is not a phone number: it has too few or too many digits.";
        PhoneNumber number;
        try
        {
            number = PhoneNumbers.Parse(text, region);
        }
        catch (NumberParseException e)
        {
            problem = e.ErrorType != ErrorType.INVALID_COUNTRY_CODE
                ? lengthProblem
                : text.StartsWith('+') || region is not null
                    ? "No country uses that country code."
                    : "Type the number in international form: + and the country code, e.g. +14155550123.";
            return false;
        }

        if (PhoneNumbers.IsPossibleNumberWithReason(number) is not PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
        {
            problem = lengthProblem;
            return false;
        }

        if (!WhatsAppAddressParser.TryParse(PhoneNumbers.Format(number, PhoneNumberFormat.E164), out address))
        {
            problem = national
                ? $"That is not a phone number WhatsApp can deliver to; numbers without a country code are read as {region} numbers."
                : "That is not a phone number WhatsApp can deliver to.";
            return false;
        }

        return true;
    }

    /// <summary>The number as people write it internationally, e.g. <c>+1 415-555-0123</c>.</summary>
    public static string FormatInternational(WhatsAppAddress address) =>
        PhoneNumbers.Format(PhoneNumbers.Parse(address.E164, null), PhoneNumberFormat.INTERNATIONAL);

    private static string? ShapeProblem(string text)
    {
        if (text.Length == 0)
        {
            return "Type a phone number.";
        }

        if (text.Length > MaxLength)
        {
            return $"That is not a phone number: it is longer than {MaxLength} characters.";
        }

        // Digits and the separators people type; letters (vanity numbers, extensions), control and invisible characters
        // are not guessed at, so the number looked up is exactly the one typed.
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-' or '.' or '/'))
            {
                return "Use only digits, spaces and + ( ) - . / in a phone number.";
            }
        }

        return text.Any(char.IsAsciiDigit) ? null : "Type a phone number.";
    }
}
