using Microsoft.EntityFrameworkCore;

namespace Messaging.Api.FunctionalTests;

/// <summary><c>GET /api/events</c> on Kestrel: the outbox as a stream, what the dashboard listens to instead of polling.</summary>
public sealed class MessageEventsTests : ApiFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override MessagingApiFactory CreateFactory() => new MessagingApiFactory().OnKestrel();

    [Test]
    public async Task A_simulated_inbound_message_is_announced_as_received_then_its_conversation_as_updated()
    {
        using var client = Factory.CreateClient(TestApiKeys.ReadOnly);
        using var timeout = new CancellationTokenSource(Patience);
        using var stream = await EventStreamClient.OpenAsync(client, lastEventId: null, timeout.Token);
        var ready = await stream.NextAsync(timeout.Token);
        Assert.That(ready.Name, Is.EqualTo("ready"));

        var inbound = await Factory.Emulator().SimulateInboundAsync("+14155550123", "Is anyone there?", null, "Ana", timeout.Token);
        Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200));

        var received = await stream.NextAsync(timeout.Token);
        var conversation = await stream.NextAsync(timeout.Token);
        var message = received.Envelope["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(received.Name, Is.EqualTo("message.received"));
            Assert.That(received.Envelope["type"]!.GetValue<string>(), Is.EqualTo("message.received"));
            Assert.That(received.Envelope["position"]!.GetValue<long>(), Is.EqualTo(received.Position));
            Assert.That(received.Position, Is.EqualTo(ready.Position + 1));
            Assert.That(Guid.TryParse(received.Envelope["id"]!.GetValue<string>(), out _), Is.True);
            Assert.That(message["waSid"]!.GetValue<string>(), Is.EqualTo(inbound.MessageSid));
            Assert.That(message["direction"]!.GetValue<string>(), Is.EqualTo("inbound"));
            Assert.That(message["status"]!.GetValue<string>(), Is.EqualTo("received"));
            Assert.That(message["body"]!.GetValue<string>(), Is.EqualTo("Is anyone there?"));

            Assert.That(conversation.Name, Is.EqualTo("conversation.updated"));
            Assert.That(conversation.Position, Is.EqualTo(received.Position + 1));
            Assert.That(conversation.Envelope["data"]!["contact"]!.GetValue<string>(), Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(conversation.Envelope["data"]!["profileName"]!.GetValue<string>(), Is.EqualTo("Ana"));
            Assert.That(conversation.Envelope["data"]!["messageCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(conversation.Envelope["data"]!["lastMessageId"]!.GetValue<string>(), Is.EqualTo(message["id"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task A_reply_is_announced_as_sent_then_each_status_change_in_order_up_to_read()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var stream = await EventStreamClient.OpenAsync(Client, lastEventId: null, timeout.Token);
        Assert.That((await stream.NextAsync(timeout.Token)).Name, Is.EqualTo("ready"));

        // The emulator fails free-form messages to a customer who has not written in the last 24 hours.
        await Factory.Emulator().SimulateInboundAsync("+14155550123", "Where is my order?", null, null, timeout.Token);
        await stream.NextAsync("message.received", timeout.Token);
        await stream.NextAsync("conversation.updated", timeout.Token);

        using var sent = await Client.PostMessage(new { to = "+14155550123", body = "It ships today" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync());
        var id = (await sent.ReadJsonObject())["id"]!.GetValue<string>();

        var first = await stream.NextAsync(timeout.Token);
        Assert.That(first.Name, Is.EqualTo("message.sent"));
        Assert.That(first.Envelope["data"]!["id"]!.GetValue<string>(), Is.EqualTo(id));

        var statuses = new List<string> { first.Envelope["data"]!["status"]!.GetValue<string>() };
        var positions = new List<long> { first.Position };
        while (statuses[^1] is not "read" and not "failed")
        {
            var next = await stream.NextAsync(timeout.Token);
            positions.Add(next.Position);
            if (next.Name == "conversation.updated")
            {
                continue;
            }

            Assert.That(next.Name, Is.EqualTo("message.status_changed"));
            Assert.That(next.Envelope["data"]!["id"]!.GetValue<string>(), Is.EqualTo(id));
            statuses.Add(next.Envelope["data"]!["status"]!.GetValue<string>());
        }

        // A callback that overtakes the save is applied by the save, so the stored message may skip a step; it never
        // goes back, each change is announced once, and it ends read.
        string[] lifecycle = ["queued", "sent", "delivered", "read"];
        Assert.That(statuses.Select(s => Array.IndexOf(lifecycle, s)), Is.Ordered.And.Unique.And.All.GreaterThanOrEqualTo(0));
        Assert.That(statuses[^1], Is.EqualTo("read"));
        Assert.That(positions, Is.EqualTo(Enumerable.Range(0, positions.Count).Select(i => positions[0] + i)));
    }

    [Test]
    public async Task A_listener_that_reconnects_with_its_last_event_id_gets_what_it_missed_once_and_in_order()
    {
        using var timeout = new CancellationTokenSource(Patience);
        long lastSeen;
        using (var stream = await EventStreamClient.OpenAsync(Client, lastEventId: null, timeout.Token))
        {
            await stream.NextAsync("ready", timeout.Token);
            await Factory.Emulator().SimulateInboundAsync("+14155550123", "one", null, null, timeout.Token);
            lastSeen = (await stream.NextAsync("message.received", timeout.Token)).Position;
        }

        // While disconnected: the first message's conversation event, then two more messages.
        await Factory.Emulator().SimulateInboundAsync("+14155550123", "two", null, null, timeout.Token);
        await Factory.Emulator().SimulateInboundAsync("+14155550124", "three", null, null, timeout.Token);

        using var resumed = await EventStreamClient.OpenAsync(Client, lastSeen, timeout.Token);
        var ready = await resumed.NextAsync(timeout.Token);
        var missed = new List<SseEvent>();
        for (var i = 0; i < 5; i++)
        {
            missed.Add(await resumed.NextAsync(timeout.Token));
        }

        Assert.Multiple(() =>
        {
            Assert.That(ready.Name, Is.EqualTo("ready"));
            Assert.That(ready.Position, Is.EqualTo(lastSeen));
            Assert.That(missed.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 5).Select(i => lastSeen + i)));
            Assert.That(
                missed.Select(e => e.Name),
                Is.EqualTo(new[] { "conversation.updated", "message.received", "conversation.updated", "message.received", "conversation.updated" }));
            Assert.That(
                missed.Where(e => e.Name == "message.received").Select(e => e.Envelope["data"]!["body"]!.GetValue<string>()),
                Is.EqualTo(new[] { "two", "three" }));
        });
    }

    [Test]
    public async Task A_position_this_database_never_gave_is_answered_with_a_reset_then_live_events()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var stream = await EventStreamClient.OpenAsync(Client, lastEventId: 1_000_000, timeout.Token);
        var reset = await stream.NextAsync(timeout.Token);
        var ready = await stream.NextAsync(timeout.Token);
        await Factory.Emulator().SimulateInboundAsync("+14155550123", "after the reset", null, null, timeout.Token);
        var live = await stream.NextAsync(timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(reset.Name, Is.EqualTo("reset"));
            Assert.That(reset.Position, Is.LessThan(1_000_000));
            Assert.That(reset.Envelope["position"]!.GetValue<long>(), Is.EqualTo(reset.Position));
            Assert.That(ready.Name, Is.EqualTo("ready"));
            Assert.That(live.Name, Is.EqualTo("message.received"));
            Assert.That(live.Position, Is.EqualTo(reset.Position + 1));
        });
    }

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("1.5")]
    [TestCase("99999999999999999999999")]
    public async Task A_last_event_id_that_is_not_a_position_is_a_400_problem(string lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Last-Event-ID"));
            Assert.That(problem["instance"]?.GetValue<string>(), Is.EqualTo("/api/events"), "like every other problem");
            Assert.That(problem["traceId"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Resuming_after_events_that_were_purged_gets_a_reset_and_resuming_after_kept_ones_does_not()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Factory.Emulator().SimulateInboundAsync("+14155550123", "one", null, null, timeout.Token);
        await Factory.Emulator().SimulateInboundAsync("+14155550123", "two", null, null, timeout.Token);

        // Another instance of the same database, started afterwards, holds none of those events in memory: it reads
        // them from the outbox, where the first two were purged.
        using var other = new MessagingApiFactory(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Factory.DatabasePath}",
        }).OnKestrel();
        await using (var scope = other.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            Assert.That(await db.Database.ExecuteSqlRawAsync("""DELETE FROM "OutboxEvents" WHERE "Position" <= 2"""), Is.EqualTo(2));
        }

        using var client = other.CreateClient(TestApiKeys.Full);
        using (var purged = await EventStreamClient.OpenAsync(client, lastEventId: 1, timeout.Token))
        {
            await purged.NextAsync("ready", timeout.Token);
            var reset = await purged.NextAsync(timeout.Token);
            Assert.That(reset.Name, Is.EqualTo("reset"));
            Assert.That(reset.Position, Is.EqualTo(4));
        }

        using var kept = await EventStreamClient.OpenAsync(client, lastEventId: 2, timeout.Token);
        await kept.NextAsync("ready", timeout.Token);
        var third = await kept.NextAsync(timeout.Token);
        var fourth = await kept.NextAsync(timeout.Token);
        Assert.Multiple(() =>
        {
            Assert.That((third.Name, third.Position), Is.EqualTo(("message.received", 3L)));
            Assert.That(third.Envelope["data"]!["body"]!.GetValue<string>(), Is.EqualTo("two"));
            Assert.That((fourth.Name, fourth.Position), Is.EqualTo(("conversation.updated", 4L)));
        });
    }

    [Test]
    public async Task The_stream_needs_an_api_key()
    {
        using var client = Factory.CreateClient(apiKey: null);
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
