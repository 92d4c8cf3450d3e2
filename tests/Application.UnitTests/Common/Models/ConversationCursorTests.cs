using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Messaging.Application.UnitTests.Common.Models;

public sealed class ConversationCursorTests
{
    [TestCase("whatsapp:+1415555012", true, TestName = "Canonical address")]
    [TestCase("sms:+14155550123", false, TestName = "Other channel")]
    [TestCase("whatsapp:14155550123", false, TestName = "No plus")]
    [TestCase("whatsapp:+04155550123", false, TestName = "Leading zero")]
    [TestCase("whatsapp:+1234567", false, TestName = "Seven digits")]
    [TestCase("whatsapp:+1234567890123456", false, TestName = "Sixteen digits")]
    [TestCase("whatsapp:+1415555012' OR 1=1", false, TestName = "Injection attempt")]
    [TestCase("whatsapp:+1415555012\u0000", false, TestName = "Trailing nul")]
    public void Only_a_canonical_contact_is_accepted(string contact, bool accepted)
    {
        var token = Token(1, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks, contact);

        Assert.That(ConversationCursor.TryDecode(token, out _), Is.EqualTo(accepted));
    }

    [Test]
    public void A_token_of_another_version_is_refused()
    {
        var token = Token(2, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks, "whatsapp:+14155550123");

        Assert.That(ConversationCursor.TryDecode(token, out _), Is.False);
    }

    [TestCase(-1L, TestName = "Negative ticks")]
    [TestCase(long.MaxValue, TestName = "Past the calendar")]
    public void A_token_with_a_time_outside_the_calendar_is_refused(long ticks)
    {
        Assert.That(ConversationCursor.TryDecode(Token(1, ticks, "whatsapp:+14155550123"), out _), Is.False);
    }

    [Test]
    public void A_token_whose_contact_length_disagrees_with_its_contact_is_refused()
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

        Assert.Multiple(() =>
        {
            Assert.That(ConversationCursor.TryDecode(Token(1, at, "whatsapp:+14155550123", lengthAdjustment: -1), out _), Is.False);
            Assert.That(ConversationCursor.TryDecode(Token(1, at, "whatsapp:+14155550123", lengthAdjustment: 1), out _), Is.False);
            Assert.That(ConversationCursor.TryDecode(Token(1, at, "whatsapp:+14155550123"), out _), Is.True);
        });
    }

    private static string Token(byte version, long ticks, string contact, int lengthAdjustment = 0)
    {
        var text = Encoding.ASCII.GetBytes(contact);
        var bytes = new byte[10 + text.Length];
        bytes[0] = version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), ticks);
        bytes[9] = (byte)(text.Length + lengthAdjustment);
        text.CopyTo(bytes.AsSpan(10));
        return Base64Url.EncodeToString(bytes);
    }
}
