using System.Text;
using Microsoft.Extensions.Logging;

namespace Messaging.Api.FunctionalTests;

public sealed class IdempotencyTests : ApiFixture
{
    private const string Replayed = "Idempotent-Replayed";

    [Test]
    public async Task A_retry_with_the_same_key_replays_the_first_response_without_sending_again()
    {
        var body = new { to = "+14155550123", body = "Your order has shipped" };

        await AssertRetryReplaysOnce(body, "order-1234-shipped", HttpStatusCode.Created, "application/json");
    }

    [Test]
    public async Task A_replay_is_not_logged_as_a_warning_or_an_error()
    {
        var body = new { to = "+14155550123", body = "Your order has shipped" };
        using (await Client.PostMessage(body, "order-1234-logged"))
        {
        }

        // The first delivery's own lines are written before the clear, so everything after it belongs to the second.
        var collector = Factory.Services.GetFakeLogCollector();
        await collector.WaitForAsync(r => r.Message.Contains("answered 201", StringComparison.Ordinal));
        collector.Clear();
        using var retry = await Client.PostMessage(body, "order-1234-logged");

        Assert.That(retry.Headers.Contains(Replayed), Is.True);
        await collector.WaitForAsync(r => r.Message.Contains("answered 201", StringComparison.Ordinal));
        Assert.That(collector.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Category}: {r.Message}"), Is.Empty);
    }

    [Test]
    public async Task The_same_payload_written_differently_is_the_same_request()
    {
        using var first = await PostRaw("""{"to":"+14155550123","contentSid":"HXb5b62575e6e4ff6129ad7c8efe1f983e","contentVariables":{"1":"Ana","2":"12/1"}}""", "template-1");
        using var retry = await PostRaw("""
            {
              "contentVariables": { "2": "12/1", "1": "Ana" },
              "CONTENTSID": "HXb5b62575e6e4ff6129ad7c8efe1f983e",
              "to": "+14155550123"
            }
            """, "template-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
        Assert.That(retry.Headers.Contains(Replayed), Is.True);
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_key_with_another_payload_is_refused_with_422_and_sends_nothing()
    {
        using var first = await Client.PostMessage(new { to = "+14155550123", body = "first" }, "key-1");
        using var other = await Client.PostMessage(new { to = "+14155550123", body = "second" }, "key-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(other.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await other.ReadJsonObject())["title"]!.GetValue<string>(), Does.Contain("different request"));
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
    }

    [Test]
    public async Task Idempotency_keys_belong_to_the_api_key_that_used_them()
    {
        using var other = Factory.CreateClient(TestApiKeys.Other);

        using var first = await Client.PostMessage(new { to = "+14155550123", body = "from the dashboard" }, "shared-key");
        using var second = await other.PostMessage(new { to = "+14155550123", body = "from billing" }, "shared-key");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.Contains(Replayed), Is.False);
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Twenty_concurrent_sends_with_one_key_reach_twilio_once_and_store_one_message(CancellationToken cancellationToken)
    {
        const int senders = 20;
        var body = new { to = "+14155550123", body = "Exactly once" };
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable.Range(0, senders).Select(_ => Task.Run(
            async () =>
            {
                await gate.Task;
                using var response = await Client.PostMessage(body, "concurrent-key");
                return (response.StatusCode, Replayed: response.Headers.Contains(Replayed), Body: await response.Content.ReadAsStringAsync(cancellationToken));
            },
            cancellationToken)).ToList();

        gate.SetResult();
        var responses = await Task.WhenAll(sends);

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.Conflict));
            Assert.That(created.Count(r => !r.Replayed), Is.EqualTo(1), "exactly one response is the original");
            Assert.That(created.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "every replay is the original");
        });
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        Assert.That(await Factory.StoredIdempotencyKeyCount(), Is.EqualTo(1));

        using var retry = await Client.PostMessage(body, "concurrent-key");
        Assert.That(await retry.Content.ReadAsStringAsync(cancellationToken), Is.EqualTo(created[0].Body));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_retry_while_the_first_request_is_in_flight_gets_409_and_then_the_replay(CancellationToken cancellationToken)
    {
        var gate = new TwilioGate();
        using var factory = gate.CreateApplication();
        using var client = factory.CreateClient();
        var body = new { to = "+14155550123", body = "Held on the way to Twilio" };

        var first = client.PostMessage(body, "slow-key");
        await gate.Entered.WaitAsync(cancellationToken);
        using var whileInFlight = await client.PostMessage(body, "slow-key");
        gate.Release();
        using var firstResponse = await first;
        using var afterwards = await client.PostMessage(body, "slow-key");

        Assert.Multiple(() =>
        {
            Assert.That(whileInFlight.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(whileInFlight.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(afterwards.Headers.Contains(Replayed), Is.True);
        });
        Assert.That(factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_caller_that_leaves_before_twilio_is_asked_gets_its_key_back(CancellationToken cancellationToken)
    {
        // The gate holds the template catalogue's read, the step before Twilio's create.
        var gate = new TwilioGate();
        using var factory = gate.CreateApplication();
        using var client = factory.CreateClient();
        var body = new
        {
            to = "+14155550123",
            contentSid = "HXb5b62575e6e4ff6129ad7c8efe1f983e",
            contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "12/1" },
        };

        using var leaving = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", "left-early");
        var first = client.SendAsync(request, leaving.Token);
        await gate.Entered.WaitAsync(cancellationToken);
        await leaving.CancelAsync();
        Assert.That(async () => (await first).Dispose(), Throws.InstanceOf<OperationCanceledException>());
        gate.Release();

        // A client retries while it is told the first is still running.
        var retry = await client.PostMessage(body, "left-early");
        while (retry.StatusCode == HttpStatusCode.Conflict)
        {
            retry.Dispose();
            await Task.Delay(50, cancellationToken);
            retry = await client.PostMessage(body, "left-early");
        }

        using (retry)
        {
            var text = await retry.Content.ReadAsStringAsync(cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
                Assert.That(retry.Headers.Contains(Replayed), Is.False);
            });
        }

        Assert.That(factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
        Assert.That(await factory.StoredMessageCount(), Is.EqualTo(1));
        Assert.That(
            factory.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Category}: {r.Message}"),
            Is.Empty,
            "a caller leaving is not a failure of the service");
    }

    [Test]
    public async Task A_message_twilio_rejected_is_a_final_outcome_and_is_replayed()
    {
        var body = new { to = "+15005550001", body = "Hello" };

        var firstText = await AssertRetryReplaysOnce(body, "rejected-key", HttpStatusCode.UnprocessableEntity, "application/problem+json");

        Assert.That(firstText, Does.Contain("\"twilioCode\":21211"));
    }

    [Test]
    public async Task When_twilio_is_unavailable_the_key_is_given_back_and_a_retry_sends()
    {
        var body = new { to = "+14155550123", body = "Hello" };
        Factory.Emulator().FailNextRequestsWith(500);

        using var failed = await Client.PostMessage(body, "outage-key");
        using var retry = await Client.PostMessage(body, "outage-key");

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(retry.Headers.Contains(Replayed), Is.False);
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(2));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_invalid_request_gives_the_key_back_so_the_corrected_request_can_use_it()
    {
        using var invalid = await Client.PostMessage(new { to = "+14155550123", body = new string('a', 1601) }, "fix-and-retry");
        using var corrected = await Client.PostMessage(new { to = "+14155550123", body = "short" }, "fix-and-retry");

        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Without_the_header_every_request_sends()
    {
        var body = new { to = "+14155550123", body = "Hello" };

        using var first = await Client.PostMessage(body);
        using var second = await Client.PostMessage(body);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(2));
        Assert.That(await Factory.StoredIdempotencyKeyCount(), Is.Zero);
    }

    /// <summary>
    /// Posts <paramref name="body"/> with <paramref name="idempotencyKey"/> and again as a client's retry, asserts that
    /// the retry replays the first response (its status, media type, body and location, marked replayed) and that one
    /// message reached Twilio and was stored, and returns the first response's body.
    /// </summary>
    private async Task<string> AssertRetryReplaysOnce(object body, string idempotencyKey, HttpStatusCode status, string mediaType)
    {
        using var first = await Client.PostMessage(body, idempotencyKey);
        using var retry = await Client.PostMessage(body, idempotencyKey);

        var firstText = await first.Content.ReadAsStringAsync();
        var retryText = await retry.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(status), firstText);
            Assert.That(first.Headers.Contains(Replayed), Is.False);
            Assert.That(retry.StatusCode, Is.EqualTo(status));
            Assert.That(retry.Headers.GetValues(Replayed), Is.EqualTo(new[] { "true" }));
            Assert.That(retryText, Is.EqualTo(firstText));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(retry.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        });
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(1));
        return firstText;
    }

    private async Task<HttpResponseMessage> PostRaw(string json, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Client.SendAsync(request);
    }
}
