using Messaging.Application.Events;

namespace Messaging.Api.FunctionalTests;

/// <summary>Two processes of the service on one database: each event is delivered by one of them, once.</summary>
[NonParallelizable]
public sealed class WebhookInstancesTests
{
    private const int MessagesPerInstance = 10;

    [TestCase(DatabaseOptions.Sqlite)]
    [TestCase(DatabaseOptions.PostgreSql)]
    public async Task Two_instances_deliver_each_event_once(string provider)
    {
        await using var database = await EmptyDatabase.CreateAsync(provider);
        string[] settings = [.. WebhookDeliveryTests.Settings(giveUpAfter: "00:05:00").Select(s => $"--{s.Key}={s.Value}")];

        // Testing, not Production: the receiver is on this machine, over http, which Production refuses.
        await using var first = await ServiceProcess.StartAsync(database, settings, environment: "Testing");
        await using var second = await ServiceProcess.StartAsync(database, settings, environment: "Testing");
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        using var manager = second.CreateClient(TestApiKeys.Webhooks);
        var port = LoopbackPort.Unused();
        var (id, secret) = await WebhookApi.SubscribeAsync(manager, WebhookSubscriber.UrlFor(port), EventTypes.MessageReceived);
        await using var subscriber = await WebhookSubscriber.StartAsync(port, secret);

        // Events committed by either instance, to one subscription.
        for (var i = 0; i < MessagesPerInstance; i++)
        {
            await WebhookApi.ReceiveAsync(firstClient, i % 3, string.Create(CultureInfo.InvariantCulture, $"to the first, {i}"));
            await WebhookApi.ReceiveAsync(secondClient, i % 3, string.Create(CultureInfo.InvariantCulture, $"to the second, {i}"));
        }

        var deliveries = await Waiting.Eventually(
            () => WebhookApi.DeliveriesAsync(manager, id),
            found => found.Count == 2 * MessagesPerInstance && found.All(d => d["status"]!.GetValue<string>() == "succeeded"));

        // Every request the receiver got is an attempt the service recorded: a retry after a slow answer, or a send by a
        // holder that stalled past its claim, counts as one. That the claim keeps the other instance from sending the
        // same delivery meanwhile is checked on the store (WebhookDeliveryStoreTests), where time is the test's.
        var requests = subscriber.RequestEventIds;
        var diagnostics = $"requests: {string.Join(", ", requests)}\nfirst:\n{first.Output}\nsecond:\n{second.Output}";
        Assert.Multiple(() =>
        {
            foreach (var delivery in deliveries)
            {
                var eventId = delivery["eventId"]!.GetValue<string>();
                Assert.That(requests.Count(r => r == eventId), Is.InRange(1, delivery["attempts"]!.GetValue<int>()), diagnostics);
            }

            Assert.That(requests.Distinct(), Is.EquivalentTo(deliveries.Select(d => d["eventId"]!.GetValue<string>())));
            Assert.That(subscriber.Events, Has.Count.EqualTo(2 * MessagesPerInstance));
        });
    }
}
