using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Webhooks;

namespace Messaging.Infrastructure.IntegrationTests.Webhooks;

/// <summary>
/// Claims and records of webhook deliveries on a real database: what keeps a delivery from being sent by two instances,
/// and what the record says when a stalled instance sent it anyway.
/// </summary>
public sealed class WebhookDeliveryStoreTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_claim_renews_the_lease_so_nobody_takes_it_before_the_claimed_deliveries_are_due_again()
    {
        await using var scope = Database.CreateScope();
        var delivery = await PendingDelivery(scope);
        Assert.That(await DatabaseLeaseTests.TryHold(scope.ServiceProvider, "first", Start), Is.True);

        // Claimed two thirds into the lease the round began with.
        Clock.SetUtcNow(Start + TimeSpan.FromSeconds(20));
        var claimedUntil = await Store(scope).Claim("first", [delivery.Id], Clock, DatabaseLeaseTests.Duration, CancellationToken.None);

        var takenDuringClaim = await DatabaseLeaseTests.TryHold(scope.ServiceProvider, "second", Start + TimeSpan.FromSeconds(45));
        var dueDuringClaim = await DueIds(scope, Start + TimeSpan.FromSeconds(49));
        var dueAfterClaim = await DueIds(scope, Start + TimeSpan.FromSeconds(51));
        var takenAfterClaim = await DatabaseLeaseTests.TryHold(scope.ServiceProvider, "second", Start + TimeSpan.FromSeconds(51));
        Assert.Multiple(() =>
        {
            Assert.That(claimedUntil, Is.EqualTo(Start + TimeSpan.FromSeconds(50)));
            Assert.That(takenDuringClaim, Is.False, "taken while the deliveries were in flight");
            Assert.That(dueDuringClaim, Is.Empty, "due again before the claim ended");
            Assert.That(dueAfterClaim, Is.EqualTo(new[] { delivery.Id }));
            Assert.That(takenAfterClaim, Is.True, "not taken over once the claim ended");
        });
    }

    [Test]
    public async Task An_instance_that_lost_the_lease_claims_nothing()
    {
        await using var scope = Database.CreateScope();
        var delivery = await PendingDelivery(scope);
        Assert.That(await DatabaseLeaseTests.TryHold(scope.ServiceProvider, "second", Start), Is.True);

        var claimedUntil = await Store(scope).Claim("first", [delivery.Id], Clock, DatabaseLeaseTests.Duration, CancellationToken.None);

        var due = await DueIds(scope, Start);
        Assert.Multiple(() =>
        {
            Assert.That(claimedUntil, Is.Null);
            Assert.That(due, Is.EqualTo(new[] { delivery.Id }), "claimed by an instance that does not deliver");
        });
    }

    [Test]
    public async Task Two_records_of_one_delivery_count_both_requests_and_the_first_outcome_stands()
    {
        await using var scope = Database.CreateScope();
        var delivery = await PendingDelivery(scope);
        var store = Store(scope);
        var answered = new AttemptResult("success", 204, null, TimeSpan.FromMilliseconds(40));
        var timedOut = new AttemptResult("timeout", null, "No answer within 10 s.", TimeSpan.FromSeconds(10));

        // The instance that stalled past its claim records last, and saw the receiver time out.
        await store.Record(delivery.Id, WebhookDeliveryStatus.Succeeded, 1, Start, Start + TimeSpan.FromSeconds(31), null, answered, CancellationToken.None);
        await store.Record(
            delivery.Id, WebhookDeliveryStatus.Pending, 1, Start, Start, Start + TimeSpan.FromMinutes(1), timedOut, CancellationToken.None);

        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var stored = await context.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == delivery.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Attempts, Is.EqualTo(2));
            Assert.That(stored.Status, Is.EqualTo(WebhookDeliveryStatus.Succeeded));
            Assert.That(stored.NextAttemptAt, Is.Null);
            Assert.That(stored.FirstAttemptAt, Is.EqualTo(Start));
        });
    }

    [Test]
    public async Task Giving_up_disables_the_subscription_only_for_a_delivery_that_failed()
    {
        await using var scope = Database.CreateScope();
        var settled = await PendingDelivery(scope);
        var store = Store(scope);
        var refused = new AttemptResult("refused", 500, "HTTP 500", TimeSpan.FromMilliseconds(30));
        var answered = new AttemptResult("success", 204, null, TimeSpan.FromMilliseconds(40));

        // Another instance settled it first; this one's give-up comes late.
        await store.Record(settled.Id, WebhookDeliveryStatus.Succeeded, 1, Start, Start, null, answered, CancellationToken.None);
        await store.Record(settled.Id, WebhookDeliveryStatus.Failed, 1, Start, Start, null, refused, CancellationToken.None);
        var disabledForSettled = await store.Disable(settled.SubscriptionId, settled.Id, Start, "gave up", CancellationToken.None);

        var failed = await PendingDelivery(scope);
        await store.Record(failed.Id, WebhookDeliveryStatus.Failed, 1, Start, Start, null, refused, CancellationToken.None);
        var disabledForFailed = await store.Disable(failed.SubscriptionId, failed.Id, Start, "gave up", CancellationToken.None);

        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var statuses = await context.WebhookSubscriptions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Status);
        Assert.Multiple(() =>
        {
            Assert.That(disabledForSettled, Is.False);
            Assert.That(statuses[settled.SubscriptionId], Is.EqualTo(WebhookSubscriptionStatus.Active));
            Assert.That(disabledForFailed, Is.True);
            Assert.That(statuses[failed.SubscriptionId], Is.EqualTo(WebhookSubscriptionStatus.Disabled));
        });
    }

    [Test]
    public async Task A_rotated_secret_is_stored_and_a_wave_reads_both_secrets_until_the_previous_one_expires()
    {
        await using var scope = Database.CreateScope();
        var delivery = await PendingDelivery(scope);
        var repository = new WebhookSubscriptionRepository(
            scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), scope.ServiceProvider.GetRequiredService<DatabaseWriter>());

        var rotated = await repository.Update(delivery.SubscriptionId, s => s.RotateSecret("whsec_y", Start, TimeSpan.FromHours(1)), CancellationToken.None);
        var unknown = await repository.Update(Guid.NewGuid(), s => s.RotateSecret("whsec_z", Start, TimeSpan.Zero), CancellationToken.None);

        var read = (await Store(scope).Subscriptions([delivery.SubscriptionId], CancellationToken.None))[delivery.SubscriptionId];
        Assert.Multiple(() =>
        {
            Assert.That(rotated!.Secret, Is.EqualTo("whsec_y"));
            Assert.That(unknown, Is.Null);
            Assert.That(read.PreviousSecretExpiresAt, Is.EqualTo(Start + TimeSpan.FromHours(1)));
            Assert.That(read.SigningSecretsAt(Start), Is.EqualTo(new[] { "whsec_y", "whsec_x" }));
            Assert.That(read.SigningSecretsAt(Start + TimeSpan.FromHours(1)), Is.EqualTo(new[] { "whsec_y" }));
        });
    }

    private static WebhookDeliveryStore Store(AsyncServiceScope scope) =>
        new(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), scope.ServiceProvider.GetRequiredService<DatabaseWriter>());

    private static async Task<WebhookDelivery> PendingDelivery(AsyncServiceScope scope)
    {
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var subscription = WebhookSubscription.Create(
            Guid.NewGuid(), "https://billing.example.com/events", ["message.received"], "whsec_x", Start - TimeSpan.FromMinutes(2), 0);
        var delivery = WebhookDelivery.Create(
            Guid.NewGuid(), subscription.Id, Guid.NewGuid(), 1, "message.received", "whatsapp:+14155550123", Start - TimeSpan.FromMinutes(1));
        context.AddRange(subscription, delivery);
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();
        return delivery;
    }

    private static async Task<List<Guid>> DueIds(AsyncServiceScope scope, DateTimeOffset now) =>
        [.. (await Store(scope).Due(now, 10, CancellationToken.None)).Select(d => d.Id)];
}
