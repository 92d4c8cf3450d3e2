using Microsoft.Extensions.Logging;

namespace Messaging.Api.FunctionalTests;

/// <summary>Only Twilio, signing for this account, gets a webhook through.</summary>
public sealed class WebhookSecurityTests : ApiFixture
{
    [Test]
    public void The_test_signature_helper_reproduces_twilios_documented_example()
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE",
            ["Caller"] = "+14158675309",
            ["Digits"] = "1234",
            ["From"] = "+14158675309",
            ["To"] = "+18005551212",
        };

        Assert.That(
            TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields),
            Is.EqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [TestCase(TwilioWebhooks.InboundPath)]
    [TestCase(TwilioWebhooks.StatusPath)]
    public async Task A_request_without_a_signature_is_a_403_problem_and_stores_nothing(string path)
    {
        using var response = await Client.PostWithSignature(path, Fields(path), signature: null);

        await AssertRefused(response);
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [Test]
    public async Task A_wrong_signature_is_a_403_problem_and_is_logged_without_the_token()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, fields, authToken: "not-the-token");

        await AssertRefused(response);
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        var warnings = Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Level == LogLevel.Warning && r.Category == "Messaging.Api.Webhooks.TwilioSignatureFilter")
            .ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.Contain(TwilioWebhooks.InboundPath));
        Assert.That(warnings[0].Message, Does.Not.Contain(TwilioEmulatorDefaults.AuthToken));
    }

    [Test]
    public async Task A_field_changed_after_signing_is_a_403_problem()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        var signature = TwilioSignature.Compute(TwilioEmulatorDefaults.AuthToken, "http://localhost" + TwilioWebhooks.InboundPath, fields);
        fields["Body"] = "Refund me twice";

        using var response = await Client.PostWithSignature(TwilioWebhooks.InboundPath, fields, signature);

        await AssertRefused(response);
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [Test]
    public async Task A_signature_for_another_path_is_a_403_problem()
    {
        var fields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());

        using var response = await Client.PostSigned(TwilioWebhooks.InboundPath, fields, signedUrl: "http://localhost" + TwilioWebhooks.StatusPath);

        await AssertRefused(response);
    }

    [Test]
    public async Task A_signed_callback_naming_another_account_is_a_403_problem_and_changes_nothing()
    {
        using var sent = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });
        var message = await sent.ReadJsonObject();
        var status = TwilioWebhooks.Status(message["waSid"]!.GetValue<string>(), "read");
        status["AccountSid"] = "AC" + new string('f', 32);
        var inbound = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        inbound["AccountSid"] = status["AccountSid"];

        using var statusResponse = await Client.PostSigned(TwilioWebhooks.StatusPath, status);
        using var inboundResponse = await Client.PostSigned(TwilioWebhooks.InboundPath, inbound);

        await AssertRefused(statusResponse);
        await AssertRefused(inboundResponse);
        using var fetched = await Client.GetAsync(new Uri($"/api/messages/{message["id"]}", UriKind.Relative));
        Assert.That((await fetched.ReadJsonObject())["status"]!.GetValue<string>(), Is.EqualTo("queued"));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
    }

    [TestCase(TwilioWebhooks.InboundPath)]
    [TestCase(TwilioWebhooks.StatusPath)]
    public async Task A_signed_request_naming_no_account_is_a_403_problem_and_stores_nothing(string path)
    {
        var fields = Fields(path);
        fields.Remove("AccountSid");

        using var response = await Client.PostSigned(path, fields);

        await AssertRefused(response);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("names no Twilio account"));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        Assert.That(await Factory.StoredPendingStatusCount(), Is.Zero);
    }

    [TestCase(null)]
    [TestCase("bm90LWEtc2lnbmF0dXJl")]
    public async Task A_form_that_cannot_be_read_is_refused_as_not_from_twilio(string? signature)
    {
        var tooMany = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        for (var i = 0; i < 1_100; i++)
        {
            tooMany["F" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "v";
        }

        var withNul = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid(), body: "a\0b");

        using var tooManyResponse = await Client.PostWithSignature(TwilioWebhooks.InboundPath, tooMany, signature);
        using var withNulResponse = await Client.PostWithSignature(TwilioWebhooks.InboundPath, withNul, signature);

        await AssertRefused(tooManyResponse);
        await AssertRefused(withNulResponse);
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [Test]
    public async Task A_body_that_is_not_a_form_is_refused_before_anything_reads_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TwilioWebhooks.InboundPath, UriKind.Relative))
        {
            Content = new StringContent("""{"MessageSid":"SM1"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [Test]
    public async Task Behind_a_proxy_the_signature_is_checked_against_the_public_url()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://support.example.com/messaging" });
        using var client = factory.CreateClient();
        var internalFields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());
        var publicFields = TwilioWebhooks.Inbound(TwilioWebhooks.NewSid());

        using var signedForInternalUrl = await client.PostSigned(TwilioWebhooks.InboundPath, internalFields);
        using var signedForPublicUrl = await client.PostSigned(
            TwilioWebhooks.InboundPath, publicFields, signedUrl: "https://support.example.com/messaging" + TwilioWebhooks.InboundPath);

        await AssertRefused(signedForInternalUrl);
        Assert.That(signedForPublicUrl.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await factory.StoredMessageCount(), Is.EqualTo(1));
    }

    private static Dictionary<string, string> Fields(string path) =>
        path == TwilioWebhooks.InboundPath ? TwilioWebhooks.Inbound(TwilioWebhooks.NewSid()) : TwilioWebhooks.Status(TwilioWebhooks.NewSid(), "sent");

    private static async Task AssertRefused(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(text, Does.Contain("\"status\":403"));
        });
    }
}
