using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Webhooks;

namespace Messaging.Infrastructure.IntegrationTests.Webhooks;

/// <summary>Deliveries go with the events they delivered: the purge deletes those created before the retention's start.</summary>
public sealed class WebhookDeliveryPurgeTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Only_deliveries_created_before_the_cutoff_are_deleted()
    {
        await using var scope = Database.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var subscription = WebhookSubscription.Create(
            Guid.NewGuid(), "https://billing.example.com/events", ["message.received", "message.sent"], "whsec_x", Start - TimeSpan.FromDays(10), 0);
        var old = Delivery(subscription, 1, Start - TimeSpan.FromDays(8));
        var recent = Delivery(subscription, 2, Start - TimeSpan.FromDays(6));
        context.AddRange(subscription, old, recent);
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();

        var store = new WebhookDeliveryStore(context, scope.ServiceProvider.GetRequiredService<DatabaseWriter>());
        var purged = await store.RemoveCreatedBefore(Start - TimeSpan.FromDays(7), CancellationToken.None);

        var left = await context.Set<WebhookDelivery>().Select(d => d.Id).ToListAsync();
        var kept = await context.Set<WebhookSubscription>().SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(purged, Is.EqualTo(1));
            Assert.That(left, Is.EqualTo(new[] { recent.Id }));
            Assert.That(kept.EventTypes, Is.EqualTo(new[] { "message.received", "message.sent" }));
        });
    }

    private static WebhookDelivery Delivery(WebhookSubscription subscription, long position, DateTimeOffset createdAt) =>
        WebhookDelivery.Create(Guid.NewGuid(), subscription.Id, Guid.NewGuid(), position, "message.received", "whatsapp:+14155550123", createdAt);
}
