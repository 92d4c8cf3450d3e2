using Microsoft.Extensions.Logging;

namespace Messaging.Api.FunctionalTests;

public sealed class SendMessageTests : ApiFixture
{
    [Test]
    public async Task A_sent_message_is_listed_exactly_once_with_the_sid_twilio_issued()
    {
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var sent = await response.ReadJsonObject();
        var emulated = Factory.Emulator().Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent["waSid"]!.GetValue<string>(), Is.EqualTo(emulated.Sid));
            Assert.That(emulated.To, Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(emulated.Body, Is.EqualTo("Your order has shipped"));
            Assert.That(sent["direction"]!.GetValue<string>(), Is.EqualTo("outbound"));
            Assert.That(sent["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(sent["to"]!.GetValue<string>(), Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(sent["from"]!.GetValue<string>(), Is.EqualTo(emulated.From));
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"/api/messages/{sent["id"]}"));
        });

        using var list = await Client.GetAsync(new Uri("/api/messages", UriKind.Relative));
        var items = (await list.ReadJsonObject())["items"]!.AsArray();
        Assert.That(items.Where(i => i!["waSid"]!.GetValue<string>() == emulated.Sid).Count(), Is.EqualTo(1));
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That(items[0]!["id"]!.GetValue<string>(), Is.EqualTo(sent["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task The_location_of_a_sent_message_returns_the_stored_message()
    {
        using var response = await Client.PostMessage(new
        {
            to = "whatsapp:+447700900123",
            mediaUrls = new[] { "https://example.com/invoice.pdf" },
        });
        var sent = await response.ReadJsonObject();

        using var fetched = await Client.GetAsync(response.Headers.Location);

        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var message = await fetched.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(message.ToJsonString(), Is.EqualTo(sent.ToJsonString()));
            Assert.That(message["mediaUrls"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("https://example.com/invoice.pdf"));
            Assert.That(message["body"], Is.Null);
        });
    }

    [Test]
    public async Task A_template_send_passes_the_content_sid_and_variables_to_twilio()
    {
        const string contentSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

        using var response = await Client.PostMessage(new
        {
            to = "+14155550123",
            contentSid,
            contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "12/1" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var sent = await response.ReadJsonObject();
        var emulated = Factory.Emulator().Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent["contentSid"]!.GetValue<string>(), Is.EqualTo(contentSid));
            Assert.That(emulated.ContentSid, Is.EqualTo(contentSid));
            Assert.That(JsonNode.Parse(emulated.ContentVariables!)!["1"]!.GetValue<string>(), Is.EqualTo("Ana"));

            // The service stores what the customer receives, the same text Twilio renders.
            Assert.That(sent["body"]!.GetValue<string>(), Is.EqualTo(emulated.Body));
            Assert.That(sent["body"]!.GetValue<string>(), Does.StartWith("Hi Ana, this is a reminder of your appointment on 12/1."));
        });
    }

    [TestCase("+15005550001", 21211)]
    [TestCase("+15005550002", 21612)]
    [TestCase("+15005550003", 21408)]
    [TestCase("+15005550004", 21610)]
    [TestCase("+15005550009", 21614)]
    public async Task A_send_twilio_rejects_answers_422_and_the_failed_message_is_listed(string to, int twilioCode)
    {
        using var response = await Client.PostMessage(new { to, body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.ReadJsonObject();
        Assert.That(problem["twilioCode"]!.GetValue<int>(), Is.EqualTo(twilioCode));
        var messageId = problem["messageId"]!.GetValue<string>();

        using var fetched = await Client.GetAsync(new Uri($"/api/messages/{messageId}", UriKind.Relative));
        var stored = await fetched.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(stored["errorCode"]!.GetValue<int>(), Is.EqualTo(twilioCode));
            Assert.That(stored["errorMessage"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(stored["waSid"], Is.Null);
        });

        using var list = await Client.GetAsync(new Uri("/api/messages?status=failed", UriKind.Relative));
        var items = (await list.ReadJsonObject())["items"]!.AsArray();
        Assert.That(items.Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { messageId }));
    }

    [TestCase(500)]
    [TestCase(502)]
    public async Task When_twilio_fails_the_api_answers_502_and_stores_nothing(int twilioStatus)
    {
        Factory.Emulator().FailNextRequestsWith(twilioStatus);

        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1), "a message create is never retried");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_twilio_outage_is_answered_with_502_and_logged_once_as_a_warning(bool withIdempotencyKey)
    {
        var body = new { to = "+14155550123", body = "Hello" };
        Factory.Emulator().FailNextRequestsWith(500);
        var collector = Factory.Services.GetFakeLogCollector();
        collector.Clear();

        using var response = withIdempotencyKey ? await Client.PostMessage(body, "outage-logged") : await Client.PostMessage(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        await collector.WaitForAsync(r => r.Message.Contains("answered 502", StringComparison.Ordinal));
        var records = collector.GetSnapshot();
        Assert.That(records.Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Category}: {r.Message}"), Is.Empty);
        Assert.That(
            records.Where(r => r.Level == LogLevel.Warning && r.Message.Contains("Twilio", StringComparison.Ordinal)).Select(r => r.Message),
            Has.Exactly(1).Items);
    }

    [TestCase("+15005550001")]
    [TestCase("+15005550002")]
    public async Task A_send_twilio_refuses_is_logged_once_by_its_code_without_the_numbers_twilio_quotes(string to)
    {
        var collector = Factory.Services.GetFakeLogCollector();
        collector.Clear();

        using var response = await Client.PostMessage(new { to, body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        await collector.WaitForAsync(r => r.Message.Contains("answered 422", StringComparison.Ordinal));
        var records = collector.GetSnapshot();
        var logged = records.Select(r => $"{r.Message} {r.Exception}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(logged, Has.None.Contains(to[1..]), "the customer's number");
            Assert.That(logged, Has.None.Contains("whatsapp:+"), "any number Twilio's text quotes");
            Assert.That(
                records.Where(r => r.Level == LogLevel.Warning && r.Message.Contains("Twilio", StringComparison.Ordinal)).Select(r => r.Message),
                Has.Exactly(1).Items);
        });
    }
}
