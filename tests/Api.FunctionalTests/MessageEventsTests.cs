namespace Messaging.Api.FunctionalTests;

/// <summary><c>GET /api/events</c> on Kestrel: what the dashboard listens to instead of polling.</summary>
public sealed class MessageEventsTests : ApiFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected override MessagingApiFactory CreateFactory()
    {
        var factory = new MessagingApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    [Test]
    public async Task A_simulated_inbound_message_reaches_a_connected_listener_as_a_message_event()
    {
        using var client = Factory.CreateClient(TestApiKeys.ReadOnly);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextEvent(reader, timeout.Token);
        Assert.That(first.Name, Is.EqualTo("ready"));

        var inbound = await Factory.Emulator().SimulateInboundAsync("+14155550123", "Is anyone there?", null, "Ana", timeout.Token);
        Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200));

        var received = await NextEvent(reader, timeout.Token);
        var message = JsonNode.Parse(received.Data)!;
        Assert.Multiple(() =>
        {
            Assert.That(received.Name, Is.EqualTo("message"));
            Assert.That(message["waSid"]!.GetValue<string>(), Is.EqualTo(inbound.MessageSid));
            Assert.That(message["direction"]!.GetValue<string>(), Is.EqualTo("inbound"));
            Assert.That(message["status"]!.GetValue<string>(), Is.EqualTo("received"));
            Assert.That(message["body"]!.GetValue<string>(), Is.EqualTo("Is anyone there?"));
            Assert.That(received.Id, Is.EqualTo(message["id"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task A_reply_and_its_status_changes_are_announced_in_order_up_to_read()
    {
        using var client = Factory.CreateClient();
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.That((await NextEvent(reader, timeout.Token)).Name, Is.EqualTo("ready"));

        // The emulator fails free-form messages to a customer who has not written in the last 24 hours.
        await Factory.Emulator().SimulateInboundAsync("+14155550123", "Where is my order?", null, null, timeout.Token);
        Assert.That(JsonNode.Parse((await NextEvent(reader, timeout.Token)).Data)!["direction"]!.GetValue<string>(), Is.EqualTo("inbound"));

        using var sent = await client.PostMessage(new { to = "+14155550123", body = "It ships today" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var id = (await sent.ReadJsonObject())["id"]!.GetValue<string>();

        var statuses = new List<string>();
        while (!statuses.Contains("read") && !statuses.Contains("failed"))
        {
            var message = JsonNode.Parse((await NextEvent(reader, timeout.Token)).Data)!;
            Assert.That(message["id"]!.GetValue<string>(), Is.EqualTo(id));
            statuses.Add(message["status"]!.GetValue<string>());
        }

        // A callback that overtakes the save is applied by the save, so the stored message may skip a step; it never
        // goes back and it ends read.
        string[] lifecycle = ["queued", "sent", "delivered", "read"];
        Assert.That(statuses.Select(s => Array.IndexOf(lifecycle, s)), Is.Ordered.And.Unique.And.All.GreaterThanOrEqualTo(0));
        Assert.That(statuses[^1], Is.EqualTo("read"));
    }

    [Test]
    public async Task The_stream_needs_an_api_key()
    {
        using var client = Factory.CreateClient(apiKey: null);
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static async Task<(string Name, string Data, string? Id)> NextEvent(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        string? id = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (name ?? "message", string.Join('\n', data), id);
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
