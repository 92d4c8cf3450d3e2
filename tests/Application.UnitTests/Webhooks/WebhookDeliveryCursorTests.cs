using System.Buffers.Text;
using Messaging.Application.Webhooks;

namespace Messaging.Application.UnitTests.Webhooks;

public sealed class WebhookDeliveryCursorTests
{
    [TestCase(1L)]
    [TestCase(1042L)]
    [TestCase(long.MaxValue)]
    public void A_cursor_reads_back_as_the_position_it_was_made_from(long position)
    {
        Assert.That(WebhookDeliveryCursor.TryDecode(WebhookDeliveryCursor.After(position), out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(position));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("AAAA")]
    [TestCase("not base64url!")]
    public void Anything_else_is_refused(string? token)
    {
        Assert.That(WebhookDeliveryCursor.TryDecode(token, out _), Is.False);
    }

    [Test]
    public void A_token_of_another_version_or_a_position_below_one_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WebhookDeliveryCursor.TryDecode(Base64Url.EncodeToString([2, 0, 0, 0, 0, 0, 0, 0, 5]), out _), Is.False);
            Assert.That(WebhookDeliveryCursor.TryDecode(WebhookDeliveryCursor.After(0), out _), Is.False);
            Assert.That(WebhookDeliveryCursor.TryDecode(WebhookDeliveryCursor.After(-3), out _), Is.False);
        });
    }
}
