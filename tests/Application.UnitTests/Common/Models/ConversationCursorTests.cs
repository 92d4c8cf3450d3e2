using System.Buffers.Binary;
using System.Text;
using Messaging.Application.Common.Models;

namespace Messaging.Application.UnitTests.Common.Models;

public sealed class ConversationCursorTests
{
    public static IEnumerable<TestCaseData> Positions()
    {
        yield return new TestCaseData(new ConversationCursor(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), "whatsapp:+14155550123")).SetName("Now-ish");
        yield return new TestCaseData(new ConversationCursor(DateTimeOffset.MinValue, "whatsapp:+12345678")).SetName("Earliest, shortest number");
        yield return new TestCaseData(new ConversationCursor(DateTimeOffset.MaxValue, "whatsapp:+123456789012345")).SetName("Latest, longest number");
    }

    [TestCaseSource(nameof(Positions))]
    public void A_cursor_survives_its_round_trip(ConversationCursor cursor)
    {
        var token = cursor.Encode();

        Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"));
        Assert.That(ConversationCursor.TryDecode(token, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(cursor));
    }

    [TestCase(null, TestName = "Null")]
    [TestCase("", TestName = "Empty")]
    [TestCase("AAAA", TestName = "Too short")]
    [TestCase("not-a-cursor", TestName = "Garbage")]
    [TestCase("eyJjb250YWN0Ijoid2hhdHNhcHA6KzEifQ", TestName = "JSON")]
    public void Garbage_is_refused(string? token)
    {
        Assert.That(ConversationCursor.TryDecode(token, out var cursor), Is.False);
        Assert.That(cursor, Is.Null);
    }

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
    public void An_oversized_token_is_refused_without_decoding()
    {
        Assert.That(ConversationCursor.TryDecode(new string('A', 65), out _), Is.False);
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
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
