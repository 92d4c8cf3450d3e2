namespace Messaging.Application.UnitTests.Common.Models;

/// <summary>
/// What every cursor promises alike: a URL-safe base64url token that survives its round trip and refuses anything
/// else. A cursor that went back to hand-written or standard base64 fails here.
/// </summary>
[TestFixtureSource(nameof(Kinds))]
public sealed class CursorTokenTests(CursorKind kind)
{
    private const string Sid = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    public static IEnumerable<CursorKind> Kinds()
    {
        yield return new CursorKind(
            nameof(MessageCursor),
            random => new MessageCursor(RandomInstant(random), new Guid(RandomBytes(random, 16))),
            cursor => ((MessageCursor)cursor).Encode(),
            token => MessageCursor.TryDecode(token, out var cursor) ? cursor : null,
            MaxTokenLength: 64);
        yield return new CursorKind(
            nameof(ConversationCursor),
            random => new ConversationCursor(RandomInstant(random), $"whatsapp:+1{random.NextInt64(2_000_000_000, 9_999_999_999)}"),
            cursor => ((ConversationCursor)cursor).Encode(),
            token => ConversationCursor.TryDecode(token, out var cursor) ? cursor : null,
            MaxTokenLength: 64);
        yield return new CursorKind(
            nameof(TemplateCursor),
            random => new TemplateCursor(new string((char)random.Next('a', 'z' + 1), random.Next(0, 300)) + " — ñ 😀", random.Next(2) == 0 ? "en" : "pt_BR", Sid),
            cursor => ((TemplateCursor)cursor).Encode(),
            token => TemplateCursor.TryDecode(token, out var cursor) ? cursor : null,
            MaxTokenLength: 4096);
    }

    [Test]
    public void Every_position_survives_its_round_trip_as_unpadded_base64url()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var position = kind.RandomPosition(random);
            var token = kind.Encode(position);

            Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"));
            Assert.That(kind.Decode(token), Is.EqualTo(position));
        }
    }

    [Test]
    public void The_same_token_in_standard_base64_is_refused()
    {
        var random = new Random(11);
        var token = Enumerable.Range(0, 1000)
            .Select(_ => kind.Encode(kind.RandomPosition(random)))
            .First(t => t.Contains('-', StringComparison.Ordinal) || t.Contains('_', StringComparison.Ordinal));

        var standard = token.Replace('-', '+').Replace('_', '/');

        Assert.That(kind.Decode(standard), Is.Null);
    }

    [TestCase(null, TestName = "{m}(Null)")]
    [TestCase("", TestName = "{m}(Empty)")]
    [TestCase("AAAA", TestName = "{m}(Too short)")]
    [TestCase("not a cursor!", TestName = "{m}(Not base64url)")]
    [TestCase("eyJpZCI6IjEifQ", TestName = "{m}(JSON)")]
    public void Garbage_is_refused(string? token) => Assert.That(kind.Decode(token), Is.Null);

    [Test]
    public void An_oversized_token_is_refused_without_decoding() =>
        Assert.That(kind.Decode(new string('A', kind.MaxTokenLength + 1)), Is.Null);

    private static DateTimeOffset RandomInstant(Random random) =>
        new(random.NextInt64(0, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
