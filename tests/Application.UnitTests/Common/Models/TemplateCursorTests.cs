using System.Buffers.Text;

namespace Messaging.Application.UnitTests.Common.Models;

public sealed class TemplateCursorTests
{
    private const string Sid = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

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

}
