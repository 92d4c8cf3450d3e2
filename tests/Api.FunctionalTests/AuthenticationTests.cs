using System.Net.Http.Headers;

namespace Messaging.Api.FunctionalTests;

public sealed class AuthenticationTests() : ApiFixture(AppSharing.PerFixture)
{
    private string _storedMessageId = null!;

    protected override async Task SeedAsync()
    {
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "already here" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        _storedMessageId = (await response.ReadJsonObject())["id"]!.GetValue<string>();
    }

    [TestCase("/api/messages")]
    [TestCase("/api/messages/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task Without_a_key_nothing_is_read_and_the_answer_says_how_to_send_one(string path)
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(text, Does.Contain("X-Api-Key"));
            Assert.That(text, Does.Not.Contain("already here"));
            Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.SupersetOf(new[] { "ApiKey", "Bearer" }));
        });
    }

    [Test]
    public async Task The_key_is_also_accepted_as_a_bearer_token()
    {
        using var client = Factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApiKeys.Full);

        using var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_unknown_key_is_refused_as_not_valid()
    {
        using var client = Factory.CreateClient(TestApiKeys.Full + "x");

        using var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await response.ReadJsonObject())["title"]!.GetValue<string>(), Is.EqualTo("The API key is not valid."));
    }

    [Test]
    public async Task A_read_only_key_reads_but_cannot_send()
    {
        using var reader = Factory.CreateClient(TestApiKeys.ReadOnly);
        var twilioCallsBefore = Factory.Emulator().CreateMessageRequests;
        var storedBefore = await Factory.StoredMessageCount();

        using var list = await reader.GetAsync(new Uri("/api/messages", UriKind.Relative));
        using var send = await reader.PostMessage(new { to = "+14155550123", body = "not allowed" });

        var problem = await send.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(send.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["requiredScopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "messages:send" }));
        });
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(twilioCallsBefore));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(storedBefore));
    }

    [Test]
    public async Task The_key_name_is_logged_with_each_request_and_the_key_never()
    {
        using var client = Factory.CreateClient(TestApiKeys.ReadOnly);
        var collector = Factory.Services.GetFakeLogCollector();
        collector.Clear();

        var path = $"/api/messages/{_storedMessageId}";
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A request line is written after its answer, so an earlier test's line can land after the clear: wait for the
        // line of the one path no other test here reads.
        var requestLine = await collector.WaitForAsync(r => r.Message.Contains($"GET {path} answered 200", StringComparison.Ordinal));
        Assert.That(requestLine.Message, Does.Contain($"API key {TestApiKeys.ReadOnlyName}"));
        var everything = collector.GetSnapshot()
            .SelectMany(r => new[] { r.Message }
                .Concat(r.StructuredState?.Select(s => s.Value ?? string.Empty) ?? [])
                .Concat(r.Scopes.Select(s => s?.ToString() ?? string.Empty)))
            .ToList();
        Assert.That(everything, Has.None.Contains(TestApiKeys.ReadOnly));
    }
}
