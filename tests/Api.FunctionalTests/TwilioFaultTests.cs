using static Messaging.Api.FunctionalTests.Waiting;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Each way Twilio can fail a message create, injected at the emulator, seen through the API with the real SDK talking
/// to the emulator over HTTP: the answer, the stored rows, and how many messages Twilio actually sent (never two for one
/// request). On the in-memory server the emulator cannot call back, so status callbacks come only when a test posts
/// them; the test on Kestrel lets the emulator's own callbacks race the answer.
/// </summary>
public sealed class TwilioFaultTests : ApiFixture
{
    private static readonly Dictionary<string, string?> ShortTimeouts = new()
    {
        ["Twilio:Resilience:AttemptTimeoutSeconds"] = "2",
        ["Twilio:Resilience:TotalTimeoutSeconds"] = "8",
        ["Twilio:Resilience:MaxRetryAfterSeconds"] = "2",
        ["Twilio:Resilience:RetryDelayMilliseconds"] = "10",
    };

    private TwilioEmulatorServer Emulator => Factory.Emulator();

    protected override MessagingApiFactory CreateFactory() => new(ShortTimeouts);

    [Test]
    public async Task Throttled_with_retry_after_the_create_is_retried_and_sent_once()
    {
        Emulator.InjectFault(TwilioFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var sent = await SendAndAssertCreatedOnce(createRequests: 2);

        Assert.That(sent["waSid"]!.GetValue<string>(), Is.EqualTo(Emulator.Messages[0].Sid));
    }

    [Test]
    public async Task Throttled_for_longer_than_allowed_the_api_answers_502_and_sends_nothing()
    {
        Emulator.InjectFault(TwilioFault.TooManyRequests(TimeSpan.FromSeconds(60)));

        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.Multiple(async () =>
        {
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(Emulator.Messages, Is.Empty);
            Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        });
    }

    [Test]
    public async Task A_503_before_processing_is_retried_and_sent_once()
    {
        Emulator.InjectFault(TwilioFault.Error(503));

        await SendAndAssertCreatedOnce(createRequests: 2);
    }

    [Test]
    public async Task A_503_that_lasts_past_the_retries_answers_502_and_sends_nothing()
    {
        Emulator.FailNextRequestsWith(503, count: 10);

        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.Multiple(async () =>
        {
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(4), "the first attempt and three retries");
            Assert.That(Emulator.Messages, Is.Empty);
            Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        });
    }

    [Test]
    public async Task A_500_is_not_retried_answers_502_and_stores_nothing()
    {
        Emulator.InjectFault(TwilioFault.Error(500));

        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" }, "fault-500");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.Multiple(async () =>
        {
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(Emulator.Messages, Is.Empty);
            Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        });

        // Nothing was sent, so the key is given back: the retry sends.
        using var retry = await Client.PostMessage(new { to = "+14155550123", body = "Hello" }, "fault-500");
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Emulator.Messages, Has.Count.EqualTo(1));
    }

    // A connection dropped before processing looks to the client like one dropped after: neither is retried. A hang is
    // cut by the attempt timeout after Twilio created the message.
    [TestCase(TwilioFaultKind.DropBeforeProcessing, 0)]
    [TestCase(TwilioFaultKind.Hang, 1)]
    public async Task A_create_without_an_answer_is_not_retried_and_is_stored_once_as_unknown(TwilioFaultKind fault, int sentByTwilio)
    {
        Emulator.InjectFault(fault == TwilioFaultKind.Hang ? TwilioFault.Hang() : TwilioFault.DropBeforeProcessing());

        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonObject();
        Assert.Multiple(async () =>
        {
            Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("unknown"));
            Assert.That(accepted["waSid"], Is.Null);
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"/api/messages/{accepted["id"]}"));
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(Emulator.Messages, Has.Count.EqualTo(sentByTwilio));
            Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_connection_dropped_after_processing_is_202_unknown_named_by_its_callback_and_replayed_without_sending_again()
    {
        Emulator.InjectFault(TwilioFault.DropAfterProcessing());
        var body = new { to = "+14155550123", body = "Your order has shipped" };

        using var response = await Client.PostMessage(body, "dropped-after");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonObject();
        var id = accepted["id"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("unknown"));
            Assert.That(accepted["waSid"], Is.Null);
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(Emulator.Messages, Has.Count.EqualTo(1));
        });

        // Twilio's callback, at the URL the send gave it: signed over the path and the message id in its query.
        var sid = Emulator.Messages.Single().Sid;
        var path = $"{TwilioWebhooks.StatusPath}?messageId={id}";
        using (var unsignedQuery = await Client.PostSigned(
            path, TwilioWebhooks.Status(sid, "delivered"), signedUrl: new Uri(Client.BaseAddress!, TwilioWebhooks.StatusPath).AbsoluteUri))
        {
            Assert.That(unsignedQuery.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the query is part of what Twilio signs");
        }

        using (var callback = await Client.PostSigned(path, TwilioWebhooks.Status(sid, "delivered")))
        {
            Assert.That(callback.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var named = await Client.GetJson($"/api/messages/{id}");
        Assert.Multiple(async () =>
        {
            Assert.That(named["waSid"]!.GetValue<string>(), Is.EqualTo(sid));
            Assert.That(named["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
            Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        });

        using var replay = await Client.PostMessage(body, "dropped-after");
        Assert.Multiple(async () =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That((await replay.ReadJsonObject())["id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(Emulator.Messages, Has.Count.EqualTo(1));
            Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Callbacks_racing_a_lost_answer_name_the_one_stored_message()
    {
        // On Kestrel the emulator calls back by itself, while the create still hangs: the status is kept for the id in
        // the callback URL, and the unknown message takes its SID when it is stored (or the next callback names it).
        using var factory = new MessagingApiFactory(ShortTimeouts);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        var emulator = factory.Emulator();
        emulator.InjectFault(TwilioFault.Hang());

        using var response = await client.PostMessage(new { to = "+14155550123", body = "Hello" });

        var answered = await response.ReadJsonObject();
        var id = answered["id"]!.GetValue<string>();
        // 202 while the outcome is still unknown; 201 when a callback named the message before the answer went out.
        Assert.That(
            response.StatusCode,
            Is.EqualTo(answered["waSid"] is null ? HttpStatusCode.Accepted : HttpStatusCode.Created),
            answered.ToJsonString());
        var named = await Eventually(() => client.GetJson($"/api/messages/{id}"), m => m["waSid"] is not null);
        await emulator.WhenCallbacksDoneAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(named["waSid"]!.GetValue<string>(), Is.EqualTo(emulator.Messages.Single().Sid));
            Assert.That(named["status"]!.GetValue<string>(), Is.Not.EqualTo("unknown"));
            Assert.That(emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(await factory.StoredMessageCount(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_answer_slower_than_usual_but_within_the_timeout_is_201()
    {
        Emulator.InjectFault(TwilioFault.Delay(TimeSpan.FromMilliseconds(300)));

        await SendAndAssertCreatedOnce(createRequests: 1);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_client_that_hangs_up_while_twilio_creates_the_message_still_finds_it_stored(CancellationToken cancellationToken)
    {
        Emulator.InjectFault(TwilioFault.Delay(TimeSpan.FromSeconds(1)));
        using var hangUp = new CancellationTokenSource();
        var send = Client.PostAsJsonAsync("/api/messages", new { to = "+14155550123", body = "Hello" }, hangUp.Token);

        // Twilio has created the message and holds its answer back; the client gives up now.
        await Eventually(() => Task.FromResult(Emulator.MessagesCreated), created => created == 1);
        await hangUp.CancelAsync();
        Assert.That(async () => await send, Throws.InstanceOf<OperationCanceledException>());

        var stored = await Eventually(() => Client.GetJson("/api/messages"), page => page["items"]!.AsArray().Count == 1);
        Assert.Multiple(() =>
        {
            Assert.That(stored["items"]![0]!["waSid"]!.GetValue<string>(), Is.EqualTo(Emulator.Messages.Single().Sid));
            Assert.That(Emulator.MessagesCreated, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// Sends a message through whatever fault the test injected: answered 201, created at Twilio once after
    /// <paramref name="createRequests"/> requests, and stored once. Returns the message as answered.
    /// </summary>
    private async Task<JsonObject> SendAndAssertCreatedOnce(int createRequests)
    {
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(Emulator.CreateMessageRequests, Is.EqualTo(createRequests));
            Assert.That(Emulator.Messages, Has.Count.EqualTo(1));
            Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        });
        return await response.ReadJsonObject();
    }
}
