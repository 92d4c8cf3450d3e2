using System.Text;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Every request to the subscription endpoints that must be refused is, with its problem response, and stores nothing.
/// The application runs as deployed outside Development: https only, public addresses only.
/// </summary>
public sealed class WebhookSubscriptionRefusalTests() : ApiFixture(AppSharing.PerFixture)
{
    private const string Path = WebhookApi.Path;
    private static readonly string UnknownId = Guid.NewGuid().ToString();

    public static IEnumerable<TestCaseData> NonPublicUrls()
    {
        static TestCaseData Case(string name, string url) => new TestCaseData(url).SetArgDisplayNames(name);
        yield return Case("loopback", "https://127.0.0.1/hooks");
        yield return Case("loopback elsewhere in 127/8", "https://127.1.2.3:8443/hooks");
        yield return Case("cloud metadata", "https://169.254.169.254/latest/meta-data");
        yield return Case("10/8", "https://10.0.0.5/hooks");
        yield return Case("172.16/12", "https://172.16.0.1/hooks");
        yield return Case("172.31 (end of 172.16/12)", "https://172.31.255.254/hooks");
        yield return Case("192.168/16", "https://192.168.1.1/hooks");
        yield return Case("IPv6 loopback", "https://[::1]/hooks");
        yield return Case("IPv4 loopback written as IPv6", "https://[::ffff:127.0.0.1]/hooks");
        yield return Case("cloud metadata through the NAT64 prefix", "https://[64:ff9b::a9fe:a9fe]/hooks");
        yield return Case("IPv4 loopback written as IPv4-compatible IPv6", "https://[::127.0.0.1]/hooks");
        yield return Case("IPv4 loopback inside a 6to4 prefix", "https://[2002:7f00:1::]/hooks");
        yield return Case("IPv6 link-local", "https://[fe80::1]/hooks");
        yield return Case("IPv6 unique local", "https://[fd00::1]/hooks");
        yield return Case("unspecified address", "https://0.0.0.0/hooks");
        yield return Case("loopback as one number", "https://2130706433/hooks");
        yield return Case("a name that resolves to loopback", "https://localhost/hooks");
        yield return Case("a name that does not resolve", "https://no-such-host.invalid/hooks");
    }

    [TestCaseSource(nameof(NonPublicUrls))]
    public async Task A_url_that_is_not_on_the_public_internet_is_refused_with_422(string url)
    {
        var problem = await Refused(TestApiKeys.Webhooks, SubscriptionTo(url), HttpStatusCode.UnprocessableEntity);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("public").Or.Contain("resolved"));
        await AssertNothingStored();
    }

    public static IEnumerable<TestCaseData> UnusableUrls()
    {
        // Each URL is written as JSON text: \u escapes reach the service as the characters they name.
        static TestCaseData Case(string name, string jsonUrl) => new TestCaseData(jsonUrl).SetArgDisplayNames(name);
        yield return Case("NUL character", "https://8.8.8.8/\\u0000");
        yield return Case("line break", "https://8.8.8.8/\\n");
        yield return Case("terminal escape sequence", "https://8.8.8.8/\\u001b[31m");
        yield return Case("space", "https://8.8.8.8/x y");
        yield return Case("right-to-left override", "https://8.8.8.8/\\u202egnp.exe");
        yield return Case("port 0", "https://8.8.8.8:0/x");
    }

    [TestCaseSource(nameof(UnusableUrls))]
    public async Task A_url_with_an_invisible_or_control_character_whitespace_or_port_0_is_refused_with_400_on_url(string jsonUrl)
    {
        var problem = await Refused(TestApiKeys.Webhooks, SubscriptionTo(jsonUrl), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "Url" }));
        await AssertNothingStored();
    }

    public static IEnumerable<TestCaseData> BadBodies()
    {
        static TestCaseData Case(string name, string json, HttpStatusCode expected = HttpStatusCode.BadRequest, string contentType = "application/json") =>
            new TestCaseData(json, contentType, expected).SetArgDisplayNames(name);
        yield return Case("malformed JSON", "{\"url\": ");
        yield return Case("empty body", string.Empty);
        yield return Case("JSON array", "[]");
        yield return Case("missing url", """{"eventTypes": ["message.received"]}""");
        yield return Case("blank url", """{"url": " ", "eventTypes": ["message.received"]}""");
        yield return Case("relative url", """{"url": "/hooks", "eventTypes": ["message.received"]}""");
        yield return Case("http url", """{"url": "http://8.8.8.8/hooks", "eventTypes": ["message.received"]}""");
        yield return Case("ftp url", """{"url": "ftp://8.8.8.8/hooks", "eventTypes": ["message.received"]}""");
        yield return Case("url with credentials", """{"url": "https://user:pass@8.8.8.8/hooks", "eventTypes": ["message.received"]}""");
        yield return Case("url with a fragment", """{"url": "https://8.8.8.8/hooks#x", "eventTypes": ["message.received"]}""");
        yield return Case("url of 2,049 characters", $$"""{"url": "https://8.8.8.8/{{new string('a', 2049 - 16)}}", "eventTypes": ["message.received"]}""");
        yield return Case("url not a string", """{"url": 5, "eventTypes": ["message.received"]}""");
        yield return Case("missing event types", """{"url": "https://8.8.8.8/hooks"}""");
        yield return Case("no event types", """{"url": "https://8.8.8.8/hooks", "eventTypes": []}""");
        yield return Case("unknown event type", """{"url": "https://8.8.8.8/hooks", "eventTypes": ["message.deleted"]}""");
        yield return Case("event type in another case", """{"url": "https://8.8.8.8/hooks", "eventTypes": ["Message.Received"]}""");
        yield return Case("null event type", """{"url": "https://8.8.8.8/hooks", "eventTypes": [null]}""");
        yield return Case("event type twice", """{"url": "https://8.8.8.8/hooks", "eventTypes": ["message.sent", "message.sent"]}""");
        yield return Case("event types not a list", """{"url": "https://8.8.8.8/hooks", "eventTypes": "message.sent"}""");
        yield return Case("form body", "url=https://8.8.8.8/hooks", HttpStatusCode.UnsupportedMediaType, "application/x-www-form-urlencoded");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task A_bad_subscription_is_refused_and_nothing_is_stored(string json, string contentType, HttpStatusCode expected)
    {
        await Refused(TestApiKeys.Webhooks, Subscription(json, contentType), expected);
        await AssertNothingStored();
    }

    public static IEnumerable<TestCaseData> Requests()
    {
        static TestCaseData Case(string name, string method, string path, HttpStatusCode expected) =>
            new TestCaseData(new HttpMethod(method), path, expected).SetArgDisplayNames(name);
        yield return Case("get unknown", "GET", $"{Path}/{UnknownId}", HttpStatusCode.NotFound);
        yield return Case("delete unknown", "DELETE", $"{Path}/{UnknownId}", HttpStatusCode.NotFound);
        yield return Case("deliveries of unknown", "GET", $"{Path}/{UnknownId}/deliveries", HttpStatusCode.NotFound);
        yield return Case("redeliver of unknown", "POST", $"{Path}/{UnknownId}/deliveries/{Guid.NewGuid()}/redeliver", HttpStatusCode.NotFound);
        yield return Case("rotate the secret of unknown", "POST", $"{Path}/{UnknownId}/secret", HttpStatusCode.NotFound);
        yield return Case("rotate the secret of id not a GUID", "POST", $"{Path}/42/secret", HttpStatusCode.BadRequest);
        yield return Case("id not a GUID", "GET", $"{Path}/not-an-id", HttpStatusCode.BadRequest);
        yield return Case("delete id not a GUID", "DELETE", $"{Path}/42", HttpStatusCode.BadRequest);
        yield return Case("delivery id not a GUID", "POST", $"{Path}/{UnknownId}/deliveries/x/redeliver", HttpStatusCode.BadRequest);
        yield return Case("deliveries limit zero", "GET", $"{Path}/{UnknownId}/deliveries?limit=0", HttpStatusCode.BadRequest);
        yield return Case("deliveries limit over 200", "GET", $"{Path}/{UnknownId}/deliveries?limit=201", HttpStatusCode.BadRequest);
        yield return Case("deliveries limit not a number", "GET", $"{Path}/{UnknownId}/deliveries?limit=ten", HttpStatusCode.BadRequest);
        yield return Case("deliveries cursor forged", "GET", $"{Path}/{UnknownId}/deliveries?cursor=AAAA", HttpStatusCode.BadRequest);
        yield return Case("deliveries cursor not base64url", "GET", $"{Path}/{UnknownId}/deliveries?cursor=%25%25", HttpStatusCode.BadRequest);
    }

    [TestCaseSource(nameof(Requests))]
    public async Task A_request_for_what_does_not_exist_or_cannot_be_read_gets_its_problem(HttpMethod method, string path, HttpStatusCode expected)
    {
        await Refused(TestApiKeys.Webhooks, new HttpRequestMessage(method, new Uri(path, UriKind.Relative)), expected);
        await AssertNothingStored();
    }

    public static IEnumerable<TestCaseData> EveryEndpoint()
    {
        static TestCaseData Case(string method, string path) => new TestCaseData(new HttpMethod(method), path).SetArgDisplayNames($"{method} {path}");
        yield return Case("POST", Path);
        yield return Case("GET", Path);
        yield return Case("GET", $"{Path}/{UnknownId}");
        yield return Case("DELETE", $"{Path}/{UnknownId}");
        yield return Case("GET", $"{Path}/{UnknownId}/deliveries");
        yield return Case("POST", $"{Path}/{UnknownId}/deliveries/{UnknownId}/redeliver");
        yield return Case("POST", $"{Path}/{UnknownId}/secret");
    }

    [TestCaseSource(nameof(EveryEndpoint))]
    public async Task Every_endpoint_needs_a_key(HttpMethod method, string path)
    {
        await Refused(apiKey: null, Request(method, path), HttpStatusCode.Unauthorized);
    }

    [TestCaseSource(nameof(EveryEndpoint))]
    public async Task Every_endpoint_needs_the_webhooks_manage_scope(HttpMethod method, string path)
    {
        // The full key may send and read messages, but not decide where every event's data goes.
        var problem = await Refused(TestApiKeys.Full, Request(method, path), HttpStatusCode.Forbidden);
        Assert.That(problem["requiredScopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "webhooks:manage" }));
        await AssertNothingStored();
    }

    [Test]
    public async Task Deliveries_connect_to_public_addresses_only()
    {
        // A name that resolved to a public address when subscribed can resolve to an internal one later: every
        // connection the delivering client makes is checked again.
        var port = LoopbackPort.Unused();
        await using var receiver = await WebhookSubscriber.StartAsync(port, "whsec_dGVzdA==");
        var client = Factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient("Webhooks");

        foreach (var url in new[] { WebhookSubscriber.UrlFor(port), $"http://localhost:{port}{SampleReceiver.Path}" })
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri(url), new StringContent("{}")));
            Assert.That(refused!.Message, Does.Contain("not public"));
        }

        Assert.That(receiver.RequestEventIds, Is.Empty);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path) =>
        new(method, new Uri(path, UriKind.Relative))
        {
            Content = method == HttpMethod.Post
                ? new StringContent("""{"url": "https://8.8.8.8/hooks", "eventTypes": ["message.received"]}""", Encoding.UTF8, "application/json")
                : null,
        };

    /// <summary>A subscription to message.received for <paramref name="jsonUrl"/>, written as JSON text.</summary>
    private static HttpRequestMessage SubscriptionTo(string jsonUrl) =>
        Subscription($$"""{"url": "{{jsonUrl}}", "eventTypes": ["message.received"]}""");

    private static HttpRequestMessage Subscription(string body, string contentType = "application/json") =>
        new(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    /// <summary>Sends <paramref name="request"/> with <paramref name="apiKey"/>, asserts the problem response and returns it.</summary>
    private async Task<JsonNode> Refused(string? apiKey, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var client = Factory.CreateClient(apiKey);
        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        return JsonNode.Parse(body)!;
    }

    private async Task AssertNothingStored()
    {
        using var client = Factory.CreateClient(TestApiKeys.Webhooks);
        var list = JsonNode.Parse(await client.GetStringAsync(new Uri(Path, UriKind.Relative)))!.AsArray();
        Assert.That(list, Is.Empty);
    }
}
