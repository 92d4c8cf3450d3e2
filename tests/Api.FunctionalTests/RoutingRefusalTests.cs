namespace Messaging.Api.FunctionalTests;

/// <summary>
/// A method a path does not take, or a body type it does not read, is refused as such, with or without a key: Twilio,
/// which sends none, is told what is wrong with the request rather than that a key is missing.
/// </summary>
public sealed class RoutingRefusalTests() : ApiFixture(AppSharing.PerFixture)
{
    [TestCase("GET", TwilioWebhooks.InboundPath, null, HttpStatusCode.MethodNotAllowed)]
    [TestCase("GET", TwilioWebhooks.StatusPath, null, HttpStatusCode.MethodNotAllowed)]
    [TestCase("PUT", TwilioWebhooks.InboundPath, "application/x-www-form-urlencoded", HttpStatusCode.MethodNotAllowed)]
    [TestCase("POST", TwilioWebhooks.InboundPath, "application/json", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("POST", TwilioWebhooks.StatusPath, "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("DELETE", "/api/messages/3f2504e0-4f89-11d3-9a0c-0305e82c3301", null, HttpStatusCode.MethodNotAllowed)]
    [TestCase("POST", "/health/live", null, HttpStatusCode.MethodNotAllowed)]
    [TestCase("DELETE", "/health/ready", null, HttpStatusCode.MethodNotAllowed)]
    public async Task A_request_routing_refuses_is_answered_with_its_refusal_without_a_key(string method, string path, string? contentType, HttpStatusCode expected)
    {
        using var client = Factory.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (contentType is not null)
        {
            request.Content = new StringContent("MessageSid=SM00000000000000000000000000000001", System.Text.Encoding.UTF8, contentType);
        }

        using var response = await client.SendAsync(request);

        var problem = await response.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)expected));
            Assert.That(problem.ToJsonString(), Does.Not.Contain("X-Api-Key"));
        });
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
    }

    [Test]
    public async Task A_method_a_twilio_webhook_does_not_take_is_answered_with_the_one_it_does()
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var response = await client.GetAsync(new Uri(TwilioWebhooks.InboundPath, UriKind.Relative));

        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task A_probe_may_ask_for_health_with_head(string path)
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_path_that_takes_the_method_still_needs_a_key()
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var response = await client.DeleteAsync(new Uri("/api/webhook-subscriptions/3f2504e0-4f89-11d3-9a0c-0305e82c3301", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
