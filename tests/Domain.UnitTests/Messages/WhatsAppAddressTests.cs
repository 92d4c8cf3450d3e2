namespace Messaging.Domain.UnitTests.Messages;

public sealed class WhatsAppAddressTests
{
    [TestCase("+14155550123")]
    [TestCase("+12345678")]
    [TestCase("+123456789012345")]
    public void An_e164_number_becomes_a_canonical_address(string e164)
    {
        var address = WhatsAppAddress.FromE164(e164);

        Assert.That(address.E164, Is.EqualTo(e164));
        Assert.That(address.Value, Is.EqualTo("whatsapp:" + e164));
        Assert.That(address.ToString(), Is.EqualTo(address.Value));
    }

    [TestCase("", TestName = "Empty")]
    [TestCase("+", TestName = "Plus alone")]
    [TestCase("14155550123", TestName = "No plus")]
    [TestCase("+04155550123", TestName = "Leading zero")]
    [TestCase("+1234567", TestName = "Seven digits")]
    [TestCase("+1234567890123456", TestName = "Sixteen digits")]
    [TestCase("+1415555O123", TestName = "Letter O")]
    [TestCase("+1 4155550123", TestName = "Space inside")]
    [TestCase(" +14155550123", TestName = "Leading space")]
    [TestCase("+14155550123\n", TestName = "Trailing newline")]
    [TestCase("+١٤١٥٥٥٥٠١٢٣", TestName = "Arabic-Indic digits")]
    [TestCase("+1415555０123", TestName = "Fullwidth digit")]
    [TestCase("whatsapp:+14155550123", TestName = "Already prefixed")]
    public void A_string_not_in_e164_shape_is_refused(string e164)
    {
        Assert.Throws<ArgumentException>(() => WhatsAppAddress.FromE164(e164));
    }

    [Test]
    public void Addresses_of_one_number_are_equal()
    {
        var first = WhatsAppAddress.FromE164("+14155550123");
        var second = WhatsAppAddress.FromE164("+14155550123");

        Assert.That(ReferenceEquals(first, second), Is.False);
        Assert.That(first, Is.EqualTo(second));
        Assert.That(WhatsAppAddress.FromE164("+14155550123"), Is.Not.EqualTo(WhatsAppAddress.FromE164("+14155550124")));
    }
}
