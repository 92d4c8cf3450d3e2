using System.Text.Json;
using Messaging.Application.Events;
using Messaging.WebhookSignatures;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Events delivered to real receivers on 127.0.0.1 that fail and recover, never recover, or redirect. Retries are
/// configured short, so every wait is for what the receiver or the API shows.
/// </summary>
public sealed class WebhookDeliveryTests : ApiFixture
{
    private const int Customers = 3;
    private const int MessagesPerCustomer = 3;

    protected override MessagingApiFactory CreateFactory() => new(Settings(giveUpAfter: "00:05:00"));

    public enum Failure
    {
        ServerError,
        Timeout,
        ConnectionRefused,
    }

    /// <summary>Settings for receivers on this machine and retries in milliseconds.</summary>
    internal static Dictionary<string, string?> Settings(string giveUpAfter) => new()
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.050",
        ["Webhooks:MaxRetryDelay"] = "00:00:00.200",
        ["Webhooks:AttemptTimeout"] = "00:00:00.500",
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:LeaseDuration"] = "00:00:02",
        ["Webhooks:GiveUpAfter"] = giveUpAfter,
    };

    [TestCase(Failure.ServerError)]
    [TestCase(Failure.Timeout)]
    [TestCase(Failure.ConnectionRefused)]
    public async Task A_receiver_that_fails_for_a_while_then_recovers_gets_every_event_signed_and_in_order_per_conversation(Failure failure)
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var port = LoopbackPort.Unused();
        var (id, secret) = await WebhookApi.SubscribeAsync(manager, WebhookSubscriber.UrlFor(port), EventTypes.MessageReceived, EventTypes.ConversationUpdated);
        var subscriber = failure == Failure.ConnectionRefused
            ? null
            : await WebhookSubscriber.StartAsync(port, secret, failure == Failure.ServerError ? SubscriberFault.ServerError : SubscriberFault.Hang);
        try
        {
            for (var round = 0; round < MessagesPerCustomer; round++)
            {
                for (var customer = 0; customer < Customers; customer++)
                {
                    await WebhookApi.ReceiveAsync(Client, customer, $"message {round} of customer {customer}");
                }
            }

            // Failing is what the API shows: attempts made, none succeeded.
            await Waiting.Eventually(
                () => WebhookApi.DeliveriesAsync(manager, id),
                deliveries => deliveries.Any(d => d["attempts"]!.GetValue<int>() >= 2));
            var beforeRecovery = await WebhookApi.DeliveriesAsync(manager, id);
            Assert.That(beforeRecovery.Select(d => d["status"]!.GetValue<string>()), Has.None.EqualTo("succeeded"));
            Assert.That(beforeRecovery.Where(d => d["attempts"]!.GetValue<int>() > 0).Select(d => d["lastError"]?.GetValue<string>()), Has.All.Not.Null);

            if (subscriber is null)
            {
                subscriber = await WebhookSubscriber.StartAsync(port, secret);
            }
            else
            {
                subscriber.Fault = SubscriberFault.None;
            }

            var expected = (await WebhookApi.OutboxAsync(Factory.Services))
                .Where(e => e.Type is EventTypes.MessageReceived or EventTypes.ConversationUpdated)
                .ToList();
            Assert.That(expected, Has.Count.EqualTo(2 * Customers * MessagesPerCustomer));
            var received = await Waiting.Eventually(() => Task.FromResult(subscriber.Events), events => events.Count >= expected.Count);

            // The sample receiver took only what verified with the secret; each event once, and nothing else.
            Assert.That(subscriber.Unauthorized, Is.Zero);
            Assert.That(received.Select(EventId), Is.EquivalentTo(expected.Select(e => e.Id)));
            AssertInOrderPerConversation(received, expected);
            await Waiting.Eventually(
                () => WebhookApi.DeliveriesAsync(manager, id),
                deliveries => deliveries.Count == expected.Count && deliveries.All(d => d["status"]!.GetValue<string>() == "succeeded"));

            // Every attempt is counted by its result: one success per event, and the failures before.
            using var scraper = Factory.CreateClient(TestApiKeys.Metrics);
            var metrics = await Waiting.Eventually(
                () => scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
                text => PrometheusText.Sum(text, "messaging_webhook_deliveries_attempts_total", "result=\"succeeded\"") == expected.Count);
            var failed = failure switch
            {
                Failure.ServerError => "refused",
                Failure.Timeout => "timeout",
                _ => "unreachable",
            };
            Assert.That(PrometheusText.Sum(metrics, "messaging_webhook_deliveries_attempts_total", $"result=\"{failed}\""), Is.GreaterThanOrEqualTo(2));
        }
        finally
        {
            if (subscriber is not null)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task Each_delivery_carries_the_event_id_and_type_in_headers_and_the_envelope_as_its_body()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (_, subscriber) = await SubscribeAndListenAsync(manager);
        await using var listening = subscriber;

        await WebhookApi.ReceiveAsync(Client, 1, "hello");

        var received = await Waiting.Eventually(() => Task.FromResult(subscriber.Events), events => events.Count >= 1);
        var stored = (await WebhookApi.OutboxAsync(Factory.Services)).Single(e => e.Type == EventTypes.MessageReceived);
        Assert.Multiple(() =>
        {
            Assert.That(received[0].GetRawText(), Is.EqualTo(EventEnvelope.ToJson(stored)));
            Assert.That(subscriber.RequestEventIds, Is.EqualTo(new[] { stored.Id.ToString() }));
            Assert.That(received[0].GetProperty("data").GetProperty("body").GetString(), Is.EqualTo("hello"));
        });
    }

    [Test]
    public async Task Events_committed_before_the_subscription_are_not_delivered_to_it()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        await WebhookApi.ReceiveAsync(Client, 1, "before");
        var (_, subscriber) = await SubscribeAndListenAsync(manager);
        await using var listening = subscriber;

        await WebhookApi.ReceiveAsync(Client, 1, "after");

        // Deliveries are made in the order of the events: once "after" arrived, "before" would have come first.
        var received = await Waiting.Eventually(() => Task.FromResult(subscriber.Events), events => events.Count >= 1);
        Assert.That(received.Select(e => e.GetProperty("data").GetProperty("body").GetString()), Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task A_redelivered_event_arrives_again_with_the_same_id_and_the_sample_receiver_takes_it_once()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var (id, subscriber) = await SubscribeAndListenAsync(manager);
        await using var listening = subscriber;
        await WebhookApi.ReceiveAsync(Client, 1, "once");
        var delivered = await Waiting.Eventually(
            () => WebhookApi.DeliveriesAsync(manager, id),
            deliveries => deliveries.Count == 1 && deliveries[0]["status"]!.GetValue<string>() == "succeeded");

        var attemptsBefore = delivered[0]["attempts"]!.GetValue<int>();
        var requestsBefore = subscriber.RequestEventIds.Count;

        using var redeliver = await manager.PostAsync(
            new Uri($"{WebhookApi.Path}/{id}/deliveries/{delivered[0]["id"]}/redeliver", UriKind.Relative), null);

        Assert.That(redeliver.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var after = await Waiting.Eventually(
            () => WebhookApi.DeliveriesAsync(manager, id),
            deliveries => deliveries[0]["attempts"]!.GetValue<int>() > attemptsBefore && deliveries[0]["status"]!.GetValue<string>() == "succeeded");
        var requests = await Waiting.Eventually(() => Task.FromResult(subscriber.RequestEventIds), ids => ids.Count > requestsBefore);
        Assert.Multiple(() =>
        {
            Assert.That(requests.Distinct().Single(), Is.EqualTo(delivered[0]["eventId"]!.GetValue<string>()));
            Assert.That(subscriber.Events, Has.Count.EqualTo(1));
            Assert.That(after, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var elsewherePort = LoopbackPort.Unused();
        var port = LoopbackPort.Unused();
        var (id, secret) = await WebhookApi.SubscribeAsync(manager, WebhookSubscriber.UrlFor(port), EventTypes.MessageReceived);
        await using var elsewhere = await WebhookSubscriber.StartAsync(elsewherePort, secret);
        await using var subscriber = await WebhookSubscriber.StartAsync(port, secret, SubscriberFault.Redirect);
        subscriber.RedirectTo = new Uri(WebhookSubscriber.UrlFor(elsewherePort));

        await WebhookApi.ReceiveAsync(Client, 1, "redirected");

        var deliveries = await Waiting.Eventually(
            () => WebhookApi.DeliveriesAsync(manager, id),
            found => found.Count == 1 && found[0]["attempts"]!.GetValue<int>() >= 2);
        Assert.Multiple(() =>
        {
            Assert.That(deliveries[0]["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(deliveries[0]["lastStatusCode"]!.GetValue<int>(), Is.EqualTo(302));
            Assert.That(deliveries[0]["lastError"]!.GetValue<string>(), Does.Contain("redirect"));
            Assert.That(subscriber.RequestEventIds, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(elsewhere.RequestEventIds, Is.Empty);
        });
    }

    /// <summary>A receiver on this machine, subscribed to <c>message.received</c> and answering.</summary>
    private static async Task<(string Id, WebhookSubscriber Subscriber)> SubscribeAndListenAsync(HttpClient manager)
    {
        var port = LoopbackPort.Unused();
        var (id, secret) = await WebhookApi.SubscribeAsync(manager, WebhookSubscriber.UrlFor(port), EventTypes.MessageReceived);
        return (id, await WebhookSubscriber.StartAsync(port, secret));
    }

    private static Guid EventId(JsonElement received) => received.GetProperty("id").GetGuid();

    private static void AssertInOrderPerConversation(IReadOnlyList<JsonElement> received, IReadOnlyList<StoredEvent> expected)
    {
        var conversationOf = expected.ToDictionary(e => e.Id, e => e.ConversationKey);
        foreach (var conversation in received.GroupBy(e => conversationOf[EventId(e)]))
        {
            var positions = conversation.Select(e => e.GetProperty("position").GetInt64()).ToList();
            Assert.That(positions, Is.Ordered.Ascending, $"Events of {conversation.Key} arrived out of order.");
        }
    }
}
