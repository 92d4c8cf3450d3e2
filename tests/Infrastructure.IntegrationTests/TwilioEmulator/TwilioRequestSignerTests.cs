using Twilio.Security;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class TwilioRequestSignerTests
{
    private static readonly KeyValuePair<string, string>[] DocumentedFields =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    [Test]
    public void Reproduces_the_signature_of_Twilio_documented_example()
    {
        var signature = TwilioRequestSigner.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", DocumentedFields);

        Assert.That(signature, Is.EqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Test]
    public void Field_order_as_posted_does_not_change_the_signature()
    {
        var url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        Assert.That(
            TwilioRequestSigner.Sign("12345", url, DocumentedFields.Reverse()),
            Is.EqualTo(TwilioRequestSigner.Sign("12345", url, DocumentedFields)));
    }

    [Test]
    public void The_Twilio_SDK_accepts_signatures_of_random_requests()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 50; i++)
        {
            var token = Guid.NewGuid().ToString("N");
            var url = $"http://127.0.0.1:{random.Next(1024, 65535)}/api/webhooks/twilio/status?attempt={i}";
            var fields = Enumerable.Range(0, random.Next(1, 12))
                .Select(n => new KeyValuePair<string, string>($"{(char)('A' + random.Next(26))}{(char)('a' + random.Next(26))}{n}", RandomValue(random)))
                .ToDictionary(f => f.Key, f => f.Value);

            var signature = TwilioRequestSigner.Sign(token, url, fields);

            Assert.That(new RequestValidator(token).Validate(url, fields, signature), Is.True, $"request {i}");
        }
    }

    [Test]
    public void The_Twilio_SDK_refuses_the_signature_when_a_field_was_changed()
    {
        var fields = DocumentedFields.ToDictionary(f => f.Key, f => f.Value);
        var signature = TwilioRequestSigner.Sign("12345", "https://mycompany.com/myapp.php", fields);
        fields["Digits"] = "4321";

        Assert.That(new RequestValidator("12345").Validate("https://mycompany.com/myapp.php", fields, signature), Is.False);
    }

    private static string RandomValue(Random random)
    {
        const string Alphabet = "abcXYZ019 +:/&=?é漢";
        return new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }
}
