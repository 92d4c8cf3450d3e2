using Messaging.Application.Events;

namespace Messaging.Api.FunctionalTests;

/// <summary>A receiver that never recovers: after the configured time the service gives up and says so.</summary>
public sealed class WebhookGiveUpTests : ApiFixture
{
    protected override MessagingApiFactory CreateFactory() => new(WebhookDeliveryTests.Settings(giveUpAfter: "00:00:01"));

    [Test]
    public async Task A_receiver_that_never_recovers_has_its_subscription_disabled_after_the_give_up_time()
    {
        using var manager = Factory.CreateClient(TestApiKeys.Webhooks);
        var port = LoopbackPort.Unused();
        var (id, secret) = await WebhookApi.SubscribeAsync(manager, WebhookSubscriber.UrlFor(port), EventTypes.MessageReceived);
        await using var subscriber = await WebhookSubscriber.StartAsync(port, secret, SubscriberFault.ServerError);

        await WebhookApi.ReceiveAsync(Client, 1, "never delivered");

        var subscription = await Waiting.Eventually(() => WebhookApi.GetAsync(manager, id), s => s["status"]!.GetValue<string>() == "disabled");
        var deliveries = await WebhookApi.DeliveriesAsync(manager, id);
        var delivery = deliveries.Single();
        var firstAttempt = DateTimeOffset.Parse(subscription["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(subscription["disabledReason"]!.GetValue<string>(), Does.Contain("failed").And.Contain("500"));
            Assert.That(DateTimeOffset.Parse(subscription["disabledAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - firstAttempt,
                Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(delivery["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(delivery["lastStatusCode"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(delivery["nextAttemptAt"], Is.Null);
            Assert.That(delivery["attempts"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(2));

            // The receiver saw the attempts the service counted (one may have timed out before it arrived), no more.
            Assert.That(subscriber.RequestEventIds, Has.Count.InRange(1, delivery["attempts"]!.GetValue<int>()));
        });

        using var redeliver = await manager.PostAsync(
            new Uri($"{WebhookApi.Path}/{id}/deliveries/{delivery["id"]}/redeliver", UriKind.Relative), null);
        Assert.That(redeliver.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
