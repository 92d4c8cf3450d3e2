using FluentValidation;
using Messaging.Application.Common.Addresses;

namespace Messaging.Application.UnitTests.Common.Addresses;

public sealed class WhatsAppAddressParserTests
{
    [TestCase("+14155550123")]
    [TestCase("whatsapp:+14155550123")]
    [TestCase("WhatsApp:+14155550123")]
    [TestCase("WHATSAPP:+14155550123")]
    [TestCase("  +14155550123  ")]
    [TestCase("\twhatsapp:+14155550123\r\n")]
    [TestCase("\u00A0+14155550123")]
    public void Every_accepted_form_normalises_to_one_canonical_address(string input)
    {
        Assert.That(WhatsAppAddressParser.TryParse(input, out var address), Is.True);
        Assert.That(address!.Value, Is.EqualTo("whatsapp:+14155550123"));
        Assert.That(address.E164, Is.EqualTo("+14155550123"));
    }

    // Twilio's magic test numbers, Twilio's sandbox sender, and numbers documentation uses as examples;
    // +447700900123 is in the UK range reserved for fiction, which libphonenumber calls invalid.
    [TestCase("+15005550001")]
    [TestCase("+15005550002")]
    [TestCase("+15005550003")]
    [TestCase("+15005550004")]
    [TestCase("+15005550006")]
    [TestCase("+15005550009")]
    [TestCase("+14155238886")]
    [TestCase("+14155550123")]
    [TestCase("+447700900123")]
    [TestCase("+447911123456")]
    [TestCase("+5511987654321")]
    [TestCase("+4915112345678")]
    [TestCase("+390612345678")]
    [TestCase("+919876543210")]
    public void Real_and_test_numbers_are_accepted(string number)
    {
        Assert.That(WhatsAppAddressParser.TryParse(number, out var address), Is.True);
        Assert.That(address!.E164, Is.EqualTo(number));
    }

    [TestCase(null, TestName = "Null")]
    [TestCase("", TestName = "Empty")]
    [TestCase("   ", TestName = "Whitespace")]
    [TestCase("+", TestName = "Plus alone")]
    [TestCase("++14155550123", TestName = "Double plus")]
    [TestCase("14155550123", TestName = "No plus")]
    [TestCase("4155550123", TestName = "National number")]
    [TestCase("(415) 555-0123", TestName = "National format")]
    [TestCase("07700900123", TestName = "UK national number")]
    [TestCase("+1 415 555 0123", TestName = "Spaces inside")]
    [TestCase("+1-415-555-0123", TestName = "Hyphens")]
    [TestCase("+1(415)5550123", TestName = "Parentheses")]
    [TestCase("+1415555012a", TestName = "Letter")]
    [TestCase("+1800FLOWERS", TestName = "Vanity letters")]
    [TestCase("+14155550123;ext=1", TestName = "Extension")]
    [TestCase("+14155550123x12", TestName = "Extension with x")]
    [TestCase("+14155550123\u0000", TestName = "Nul character")]
    [TestCase("+1415\u0007555012", TestName = "Bell character inside")]
    [TestCase("+1415\u200B5550123", TestName = "Zero width space inside")]
    [TestCase("+١٤١٥٥٥٥٠١٢٣", TestName = "Arabic-Indic digits")]
    [TestCase("+１４１５５５５０１２３", TestName = "Fullwidth digits")]
    [TestCase("sms:+14155550123", TestName = "Sms prefix")]
    [TestCase("tel:+14155550123", TestName = "Tel prefix")]
    [TestCase("whatsapp:", TestName = "Prefix alone")]
    [TestCase("whatsapp:14155550123", TestName = "Prefix without plus")]
    [TestCase("whatsapp: +14155550123", TestName = "Space after prefix")]
    [TestCase("whatsapp:whatsapp:+14155550123", TestName = "Prefix twice")]
    [TestCase("whatſapp:+14155550123", TestName = "Look-alike prefix")]
    [TestCase("whatsapp+14155550123", TestName = "Prefix without colon")]
    [TestCase("+1415555012", TestName = "Too short for the country")]
    [TestCase("+141555501234", TestName = "Too long for the country")]
    [TestCase("+1234567890123456", TestName = "Sixteen digits")]
    [TestCase("+0014155550123", TestName = "International call prefix")]
    [TestCase("+4407700900123", TestName = "UK trunk prefix after the country code")]
    [TestCase("+114155550123", TestName = "NANP trunk prefix after the country code")]
    [TestCase("+999123456789", TestName = "Unassigned country code")]
    [TestCase("+80012345678", TestName = "Non-geographic freephone")]
    [TestCase("+6834002", TestName = "Valid but shorter than eight digits")]
    public void Anything_else_is_refused(string? input)
    {
        Assert.That(WhatsAppAddressParser.TryParse(input, out var address), Is.False);
        Assert.That(address, Is.Null);
    }

    [Test]
    public void Parse_refuses_invalid_input_with_a_format_error()
    {
        Assert.Throws<FormatException>(() => WhatsAppAddressParser.Parse("sms:+14155550123"));
        Assert.That(WhatsAppAddressParser.Parse("whatsapp:+14155550123").E164, Is.EqualTo("+14155550123"));
    }

    [Test]
    public void The_rule_extension_reports_the_property_and_an_example()
    {
        var validator = new InlineValidator<string?>();
        validator.RuleFor(x => x).MustBeWhatsAppAddress().OverridePropertyName("To");

        var refused = validator.Validate("0800 FLOWERS");
        var accepted = validator.Validate("whatsapp:+14155550123");

        Assert.That(accepted.IsValid, Is.True);
        Assert.That(refused.Errors.Single().PropertyName, Is.EqualTo("To"));
        Assert.That(refused.Errors.Single().ErrorMessage, Does.Contain("'To'").And.Contain("+14155550123"));
    }
}
