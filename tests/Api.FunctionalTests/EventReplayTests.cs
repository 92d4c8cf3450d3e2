namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The event stream under load and across instances: a listener that drops in the middle of a burst resumes without a
/// gap or a duplicate, and a listener on one instance hears what another instance stored.
/// </summary>
[NonParallelizable]
public sealed class EventReplayTests
{
    private const int BurstMessages = 500;
    private const int BurstEvents = BurstMessages * 2;
    private const int Writers = 8;

    [Test]
    [CancelAfter(240_000)]
    public async Task A_listener_that_drops_during_a_burst_of_1000_events_and_resumes_gets_each_once_in_order(CancellationToken cancellationToken)
    {
        using var factory = new MessagingApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient(TestApiKeys.ReadOnly);

        var first = await EventStreamClient.OpenAsync(client, lastEventId: null, cancellationToken);
        var start = (await first.NextAsync("ready", cancellationToken)).Position;

        // Customers write in from several connections at once; each message is two events (received, conversation).
        var sids = new ConcurrentBag<string>();
        var next = -1;
        var burst = Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(
            async () =>
            {
                for (var n = Interlocked.Increment(ref next); n < BurstMessages; n = Interlocked.Increment(ref next))
                {
                    var customer = $"+1415557{n % 50:D4}";
                    var inbound = await factory.Emulator().SimulateInboundAsync(customer, $"Burst {n}", null, null, cancellationToken);
                    Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200));
                    sids.Add(inbound.MessageSid);
                }
            },
            cancellationToken)));

        var seen = new List<SseEvent>();
        while (seen.Count < BurstEvents / 4)
        {
            seen.Add(await first.NextAsync(cancellationToken));
        }

        first.Dispose();
        Assert.That(burst.IsCompleted, Is.False, "the listener dropped while the burst was still going on");

        using var resumed = await EventStreamClient.OpenAsync(client, seen[^1].Position, cancellationToken);
        Assert.That((await resumed.NextAsync(cancellationToken)).Position, Is.EqualTo(seen[^1].Position), "ready names where it resumes");
        while (seen.Count < BurstEvents)
        {
            seen.Add(await resumed.NextAsync(cancellationToken));
        }

        await burst;
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, BurstEvents).Select(i => start + i)));
            Assert.That(seen.Select(e => e.Envelope["id"]!.GetValue<string>()), Is.Unique);
            Assert.That(
                seen.Where(e => e.Name == "message.received").Select(e => e.Envelope["data"]!["waSid"]!.GetValue<string>()),
                Is.EquivalentTo(sids));
            Assert.That(seen.Count(e => e.Name == "conversation.updated"), Is.EqualTo(BurstMessages));
        });
    }

    [TestCase(DatabaseOptions.Sqlite)]
    [TestCase(DatabaseOptions.PostgreSql)]
    [CancelAfter(180_000)]
    public async Task A_message_taken_by_one_instance_reaches_a_listener_of_another_instance_on_the_same_database(
        string provider, CancellationToken cancellationToken)
    {
        await using var database = await EmptyDatabase.CreateAsync(provider);
        var emulatorA = LoopbackPort.Unused();
        await using var a = await ServiceProcess.StartAsync(database, [$"--Twilio:EmulatorUrl=http://127.0.0.1:{emulatorA}"]);
        await using var b = await ServiceProcess.StartAsync(database, ["--Database:MigrateOnStartup=false"]);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient(TestApiKeys.ReadOnly);

        using var listenerB = await EventStreamClient.OpenAsync(clientB, lastEventId: null, cancellationToken);
        var ready = await listenerB.NextAsync("ready", cancellationToken);

        // A customer writes; Twilio (A's emulator) posts the webhook to instance A.
        using var emulator = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{emulatorA}") };
        using var inbound = await emulator.PostAsJsonAsync(
            "/emulator/inbound", new { from = "+14155550123", body = "Hello from A", profileName = "Ana" }, cancellationToken);
        Assert.That(inbound.StatusCode, Is.EqualTo(HttpStatusCode.OK), await inbound.Content.ReadAsStringAsync(cancellationToken));
        var sid = (await inbound.ReadJsonObject())["messageSid"]!.GetValue<string>();

        var received = await listenerB.NextAsync(cancellationToken);
        Assert.Multiple(() =>
        {
            Assert.That(received.Name, Is.EqualTo("message.received"));
            Assert.That(received.Position, Is.EqualTo(ready.Position + 1));
            Assert.That(received.Envelope["data"]!["waSid"]!.GetValue<string>(), Is.EqualTo(sid));
        });

        // And the other way: a send through B is heard by a listener of A.
        using var listenerA = await EventStreamClient.OpenAsync(clientA, received.Position, cancellationToken);
        await listenerA.NextAsync("ready", cancellationToken);
        Assert.That((await listenerA.NextAsync(cancellationToken)).Name, Is.EqualTo("conversation.updated"));
        using var sendingB = b.CreateClient();
        using var sent = await sendingB.PostMessage(new { to = "+14155550123", body = "Hello from B" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created), await sent.Content.ReadAsStringAsync(cancellationToken));
        var sentEvent = await listenerA.NextAsync("message.sent", cancellationToken);
        Assert.That(sentEvent.Envelope["data"]!["body"]!.GetValue<string>(), Is.EqualTo("Hello from B"));
    }
}
