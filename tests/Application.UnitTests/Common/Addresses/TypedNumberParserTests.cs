using Messaging.Application.Common.Addresses;

namespace Messaging.Application.UnitTests.Common.Addresses;

public sealed class TypedNumberParserTests
{
    [TestCase("(415) 555-0123", "US", "+14155550123")]
    [TestCase("415.555.0123", "US", "+14155550123")]
    [TestCase("1 (415) 555-0123", "US", "+14155550123")]
    [TestCase("011 44 7911 123456", "US", "+447911123456")]
    [TestCase("07911 123456", "GB", "+447911123456")]
    [TestCase("00 1 415 555 0123", "GB", "+14155550123")]
    [TestCase("0151 12345678", "DE", "+4915112345678")]
    [TestCase("(11) 98765-4321", "BR", "+5511987654321")]
    [TestCase("098765 43210", "IN", "+919876543210")]
    [TestCase("06 1234 5678", "it", "+390612345678")]
    [TestCase("  +44 7911 123456  ", null, "+447911123456")]
    [TestCase("+1 (415) 555-0123", null, "+14155550123")]
    [TestCase("WhatsApp:+14155550123", null, "+14155550123")]
    public void A_number_typed_in_the_regions_format_or_internationally_becomes_its_e164_form(string typed, string? region, string expected)
    {
        Assert.That(TypedNumberParser.TryParse(typed, region, out var address, out var problem), Is.True, problem);
        Assert.That(address!.E164, Is.EqualTo(expected));
    }

    [TestCase(null, "US", "Type a phone number")]
    [TestCase("   ", "US", "Type a phone number")]
    [TestCase("()-", "US", "Type a phone number")]
    [TestCase("12", "US", "too few or too many digits for a US number")]
    [TestCase("555 0123", "US", "too few or too many digits for a US number")]
    [TestCase("+1 415 555 01234", "US", "too few or too many digits.")]
    [TestCase("(415) 555-0123", null, "international form")]
    [TestCase("+999 1234 5678", "US", "No country uses that country code")]
    [TestCase("+800 1234 5678", "US", "WhatsApp can deliver to.")]
    [TestCase("1-800-FLOWERS", "US", "Use only digits")]
    [TestCase("415 555 0123 x12", "US", "Use only digits")]
    [TestCase("+1415555\u200B0123", "US", "Use only digits")]
    [TestCase("+1415555\u00070123", "US", "Use only digits")]
    [TestCase("sms:+14155550123", "US", "Use only digits")]
    public void Anything_else_is_refused_with_a_reason_a_person_can_act_on(string? typed, string? region, string reason)
    {
        Assert.That(TypedNumberParser.TryParse(typed, region, out var address, out var problem), Is.False);
        Assert.That(address, Is.Null);
        Assert.That(problem, Does.Contain(reason));
    }

    [Test]
    public void Input_longer_than_any_number_is_refused_before_it_is_parsed()
    {
        var typed = "+1 " + string.Concat(Enumerable.Repeat("415 ", 20));

        Assert.That(TypedNumberParser.TryParse(typed, "US", out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain($"longer than {TypedNumberParser.MaxLength}"));
    }

    [Test]
    public void Every_number_it_accepts_is_one_a_send_accepts_too()
    {
        var typed = new[] { "(415) 555-0123", "+44 07911 123456", "1 500 555 0006", "011 55 11 98765 4321", "+49 151 12345678" };

        foreach (var input in typed)
        {
            Assert.That(TypedNumberParser.TryParse(input, "US", out var address, out var problem), Is.True, problem);
            Assert.That(WhatsAppAddressParser.TryParse(address!.E164, out var again), Is.True, input);
            Assert.That(again, Is.EqualTo(address));
        }
    }

    [TestCase("US", true)]
    [TestCase("gb", true)]
    [TestCase(" DE ", true)]
    [TestCase("XX", false)]
    [TestCase("ZZ", false)]
    [TestCase("001", false)]
    [TestCase("USA", false)]
    [TestCase(null, false)]
    public void Only_regions_libphonenumber_knows_are_regions(string? region, bool known)
    {
        Assert.That(TypedNumberParser.IsKnownRegion(region), Is.EqualTo(known));
    }

    [Test]
    public void The_international_form_is_how_people_write_the_number()
    {
        Assert.That(TypedNumberParser.TryParse("07911 123456", "GB", out var address, out _), Is.True);

        Assert.That(TypedNumberParser.FormatInternational(address!), Is.EqualTo("+44 7911 123456"));
    }
}
