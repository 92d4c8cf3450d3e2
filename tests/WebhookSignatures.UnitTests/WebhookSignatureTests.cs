using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.WebhookSignatures.UnitTests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_c2VjcmV0LWZvci10aGUtdGVzdHMtb2Ytc2lnbmF0dXJlcw==";
    private const string OtherSecret = "whsec_YW5vdGhlci1zZWNyZXQtbm90LXRoZS1zdWJzY3JpYmVycw==";
    private const string Body = """{"id":"0190f3a2-7c1e-7b43-9a4e-3f1b2c3d4e5f","type":"message.received","position":7,"occurredAt":"2026-11-30T12:00:00+00:00","data":{"body":"héllo"}}""";

    private static readonly DateTimeOffset SentAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Test]
    public void A_signature_is_the_hmac_of_the_timestamp_and_the_body_under_the_secret()
    {
        var header = WebhookSignature.Sign(Secret, SentAt, Body);

        // Computed independently of the library, as a receiver in another language would.
        var seconds = SentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(seconds + "." + Body)));
        Assert.That(header, Is.EqualTo($"t={seconds},v1={expected}"));
    }

    [Test]
    public void A_delivery_signed_with_the_secret_verifies()
    {
        var header = WebhookSignature.Sign(Secret, SentAt, Body);

        Assert.That(WebhookSignature.Verify(Secret, header, Body, SentAt.AddSeconds(30), Tolerance), Is.True);
    }

    [TestCase("\"position\":7", "\"position\":8")]
    [TestCase("héllo", "hello")]
    [TestCase("}}", "} }")]
    public void A_tampered_body_does_not_verify(string original, string replacement)
    {
        var header = WebhookSignature.Sign(Secret, SentAt, Body);

        Assert.That(WebhookSignature.Verify(Secret, header, Body.Replace(original, replacement, StringComparison.Ordinal), SentAt, Tolerance), Is.False);
    }

    [Test]
    public void A_delivery_signed_with_another_secret_does_not_verify()
    {
        var header = WebhookSignature.Sign(OtherSecret, SentAt, Body);

        Assert.That(WebhookSignature.Verify(Secret, header, Body, SentAt, Tolerance), Is.False);
    }

    [TestCase(-301)]
    [TestCase(301)]
    [TestCase(86_400)]
    public void A_timestamp_outside_the_tolerance_does_not_verify(int secondsLater)
    {
        var header = WebhookSignature.Sign(Secret, SentAt, Body);

        Assert.That(WebhookSignature.Verify(Secret, header, Body, SentAt.AddSeconds(secondsLater), Tolerance), Is.False);
    }

    [Test]
    public void A_changed_timestamp_does_not_verify_even_within_the_tolerance()
    {
        var header = WebhookSignature.Sign(Secret, SentAt, Body);
        var seconds = SentAt.ToUnixTimeSeconds();
        var moved = header.Replace($"t={seconds}", $"t={seconds + 1}", StringComparison.Ordinal);

        Assert.That(WebhookSignature.Verify(Secret, moved, Body, SentAt, Tolerance), Is.False);
    }

    [Test]
    public void Any_of_several_signatures_verifies_so_secrets_can_be_rotated()
    {
        var withOld = WebhookSignature.Sign(OtherSecret, SentAt, Body);
        var withNew = WebhookSignature.Sign(Secret, SentAt, Body);
        var both = withOld + "," + withNew[withNew.IndexOf("v1=", StringComparison.Ordinal)..];

        AssertVerifiesWithBothSecretsAndNoOther(both);
    }

    [Test]
    public void Signed_with_several_secrets_the_header_has_one_v1_each_in_their_order_under_one_timestamp()
    {
        var header = WebhookSignature.Sign([Secret, OtherSecret], SentAt, Body);

        var withNew = WebhookSignature.Sign(Secret, SentAt, Body);
        var withOld = WebhookSignature.Sign(OtherSecret, SentAt, Body);
        Assert.That(header, Is.EqualTo(withNew + "," + withOld[withOld.IndexOf("v1=", StringComparison.Ordinal)..]));
    }

    [Test]
    public void Signed_with_several_secrets_a_delivery_verifies_with_each_and_with_no_other()
    {
        AssertVerifiesWithBothSecretsAndNoOther(WebhookSignature.Sign([Secret, OtherSecret], SentAt, Body));
    }

    [Test]
    public void Signing_needs_a_secret()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => WebhookSignature.Sign(Array.Empty<string>(), SentAt, Body), Throws.ArgumentException);
            Assert.That(() => WebhookSignature.Sign([Secret, ""], SentAt, Body), Throws.ArgumentException);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("v1=00")]
    [TestCase("t=1764504000")]
    [TestCase("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("t=1764504000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("garbage")]
    public void A_malformed_header_does_not_verify(string? header)
    {
        Assert.That(WebhookSignature.Verify(Secret, header, Body, SentAt, Tolerance), Is.False);
    }

    [Test]
    public void A_header_with_two_timestamps_does_not_verify()
    {
        var header = WebhookSignature.Sign(Secret, SentAt, Body);
        var twice = "t=1," + header;

        Assert.That(WebhookSignature.Verify(Secret, twice, Body, SentAt, Tolerance), Is.False);
    }

    private static void AssertVerifiesWithBothSecretsAndNoOther(string header)
    {
        Assert.Multiple(() =>
        {
            Assert.That(WebhookSignature.Verify(Secret, header, Body, SentAt, Tolerance), Is.True);
            Assert.That(WebhookSignature.Verify(OtherSecret, header, Body, SentAt, Tolerance), Is.True);
            Assert.That(WebhookSignature.Verify("whsec_bm90LWFueS1vZi10aGVt", header, Body, SentAt, Tolerance), Is.False);
        });
    }
}
