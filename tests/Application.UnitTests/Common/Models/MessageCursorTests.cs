using System.Buffers.Binary;
using System.Buffers.Text;

namespace Messaging.Application.UnitTests.Common.Models;

public sealed class MessageCursorTests
{
    public static IEnumerable<TestCaseData> Positions()
    {
        yield return new TestCaseData(new MessageCursor(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), Guid.CreateVersion7())).SetName("Now-ish");
        yield return new TestCaseData(new MessageCursor(DateTimeOffset.MinValue, Guid.Empty)).SetName("Earliest");
        yield return new TestCaseData(new MessageCursor(DateTimeOffset.MaxValue, Guid.AllBitsSet)).SetName("Latest");
        yield return new TestCaseData(new MessageCursor(new DateTimeOffset(2025, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)), Guid.NewGuid())).SetName("With offset");
    }

    [TestCaseSource(nameof(Positions))]
    public void A_cursor_survives_its_round_trip(MessageCursor cursor)
    {
        var token = cursor.Encode();

        Assert.That(MessageCursor.TryDecode(token, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(cursor));
        Assert.That(decoded!.CreatedAt.UtcTicks, Is.EqualTo(cursor.CreatedAt.UtcTicks));
    }

    [Test]
    public void A_token_of_another_version_is_refused()
    {
        var bytes = ValidBytes();
        bytes[0] = 2;

        Assert.That(MessageCursor.TryDecode(ToToken(bytes), out _), Is.False);
    }

    [Test]
    public void A_token_with_a_time_outside_the_calendar_is_refused()
    {
        var tooLate = ValidBytes();
        BinaryPrimitives.WriteInt64BigEndian(tooLate.AsSpan(1), DateTimeOffset.MaxValue.UtcTicks + 1);
        var negative = ValidBytes();
        BinaryPrimitives.WriteInt64BigEndian(negative.AsSpan(1), -1);

        Assert.That(MessageCursor.TryDecode(ToToken(tooLate), out _), Is.False);
        Assert.That(MessageCursor.TryDecode(ToToken(negative), out _), Is.False);
    }

    [Test]
    public void A_token_with_bytes_added_or_removed_is_refused()
    {
        var bytes = ValidBytes();

        Assert.That(MessageCursor.TryDecode(ToToken([.. bytes, 0]), out _), Is.False);
        Assert.That(MessageCursor.TryDecode(ToToken(bytes[..^1]), out _), Is.False);
        Assert.That(MessageCursor.TryDecode(ToToken(bytes), out _), Is.True);
    }

    private static byte[] ValidBytes() =>
        Base64Url.DecodeFromChars(new MessageCursor(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), Guid.CreateVersion7()).Encode());

    private static string ToToken(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
