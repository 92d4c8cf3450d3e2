using System.Buffers.Text;
using Messaging.Application.Common.Models;

namespace Messaging.Application.UnitTests.Common.Models;

public sealed class TemplateCursorTests
{
    private const string Sid = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    public static IEnumerable<TestCaseData> Positions()
    {
        yield return new TestCaseData(new TemplateCursor("appointment_reminder", "en", Sid)).SetName("Plain name");
        yield return new TestCaseData(new TemplateCursor("Recordatorio de cita — ñ 😀", "pt_BR", Sid)).SetName("Name beyond ASCII");
        yield return new TestCaseData(new TemplateCursor(string.Empty, string.Empty, Sid)).SetName("No name, no language");
        yield return new TestCaseData(new TemplateCursor(new string('x', 1024), "es", Sid)).SetName("Long name");
    }

    [TestCaseSource(nameof(Positions))]
    public void A_cursor_survives_its_round_trip(TemplateCursor cursor)
    {
        var token = cursor.Encode();

        Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"));
        Assert.That(TemplateCursor.TryDecode(token, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(cursor));
    }

    [TestCase(null, TestName = "Null")]
    [TestCase("", TestName = "Empty")]
    [TestCase("AAAA", TestName = "Too short")]
    [TestCase("not a cursor!", TestName = "Not base64url")]
    [TestCase("eyJzaWQiOiJIWDEifQ", TestName = "JSON")]
    public void Garbage_is_refused(string? token)
    {
        Assert.That(TemplateCursor.TryDecode(token, out var cursor), Is.False);
        Assert.That(cursor, Is.Null);
    }

    [Test]
    public void A_token_that_is_cut_short_or_has_bytes_added_is_refused()
    {
        var bytes = Base64Url.DecodeFromChars(new TemplateCursor("order_shipped", "es", Sid).Encode());

        Assert.That(TemplateCursor.TryDecode(Base64Url.EncodeToString(bytes.AsSpan(..^1)), out _), Is.False);
        Assert.That(TemplateCursor.TryDecode(Base64Url.EncodeToString([.. bytes, 0]), out _), Is.False);
    }

    [Test]
    public void A_token_of_another_version_or_naming_another_kind_of_sid_is_refused()
    {
        var bytes = Base64Url.DecodeFromChars(new TemplateCursor("order_shipped", "es", Sid).Encode());
        var otherVersion = (byte[])bytes.Clone();
        otherVersion[0] = 2;
        var messageSid = (byte[])bytes.Clone();
        messageSid[1] = (byte)'S';
        messageSid[2] = (byte)'M';

        Assert.That(TemplateCursor.TryDecode(Base64Url.EncodeToString(otherVersion), out _), Is.False);
        Assert.That(TemplateCursor.TryDecode(Base64Url.EncodeToString(messageSid), out _), Is.False);
    }

    [Test]
    public void A_name_that_is_not_utf8_is_refused()
    {
        var bytes = Base64Url.DecodeFromChars(new TemplateCursor("ab", "es", Sid).Encode());
        bytes[^1] = 0xff;

        Assert.That(TemplateCursor.TryDecode(Base64Url.EncodeToString(bytes), out _), Is.False);
    }

    [Test]
    public void An_oversized_token_is_refused_without_decoding()
    {
        Assert.That(TemplateCursor.TryDecode(new string('A', 4097), out _), Is.False);
    }
}
