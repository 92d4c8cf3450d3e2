using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Events;
using Messaging.Infrastructure.Idempotency;
using Messaging.Infrastructure.Webhooks;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Every purge deletes its backlog a chunk at a time, each chunk a transaction of the writer's own, so that the writes
/// of requests queued meanwhile commit between two chunks instead of waiting for the whole backlog. Each test runs a
/// purge as its background service does, with chunks of three rows, over seven rows past every retention (two whole
/// chunks and a short one) and two rows within it.
/// </summary>
public sealed class ChunkedPurgeTests(string provider) : DatabaseFixture(provider)
{
    private const int Chunk = 3;
    private const int Old = 7;
    private const int Recent = 2;
    private const int Chunks = 3;

    // Past the seven days of events, deliveries and pending statuses, and the day of idempotency keys; within all four.
    private static readonly DateTimeOffset OldAt = Start - TimeSpan.FromDays(8);
    private static readonly DateTimeOffset RecentAt = Start - TimeSpan.FromHours(1);

    private static readonly WebhookSubscription Subscription = WebhookSubscription.Create(
        Guid.NewGuid(), "https://billing.example.com/events", ["message.received"], "whsec_x", OldAt, 0);

    [Test]
    public Task Outbox_events() =>
        PurgesInChunksAsync(
            new EventPurge(Options.Create(new OutboxOptions())),
            (n, at) => new OutboxEvent
            {
                Position = n, Id = Guid.NewGuid(), Type = "message.received", ConversationKey = "whatsapp:+14155550123", OccurredAt = at, Data = "{}",
            },
            e => e.OccurredAt);

    [Test]
    public Task Webhook_deliveries() =>
        PurgesInChunksAsync(
            new WebhookDeliveryPurge(Options.Create(new OutboxOptions())),
            (n, at) => WebhookDelivery.Create(Guid.NewGuid(), Subscription.Id, Guid.NewGuid(), n, "message.received", "whatsapp:+14155550123", at),
            d => d.CreatedAt,
            Subscription);

    [Test]
    public Task Pending_statuses() =>
        PurgesInChunksAsync(
            new PendingStatusPurge(Options.Create(new DatabaseOptions())),
            (_, at) => PendingStatusUpdate.Create(TestMessages.NewSid(), MessageStatus.Delivered, null, null, at),
            p => p.ReceivedAt);

    [Test]
    public Task Idempotency_keys() =>
        PurgesInChunksAsync(
            new IdempotencyPurge(Options.Create(new IdempotencyOptions())),
            (n, at) => new IdempotencyRecord(Guid.NewGuid(), "dashboard", $"key-{n}", new string('a', 64), at),
            r => r.CreatedAt);

    private async Task PurgesInChunksAsync<TRow>(
        IPurge purge, Func<int, DateTimeOffset, TRow> row, Func<TRow, DateTimeOffset> age, params object[] parents)
        where TRow : class
    {
        await using var instance = Database.CreateInstance(services => services
            .AddSingleton<TimeProvider>(Clock)
            .Configure<DatabaseOptions>(options => options.PurgeChunkSize = Chunk)
            .AddIdempotency(new ConfigurationBuilder().Build())
            .AddScoped<WebhookDeliveryStore>());
        await using (var scope = instance.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            context.AddRange(parents);
            context.AddRange(Enumerable.Range(1, Old + Recent).Select(n => row(n, n <= Old ? OldAt : RecentAt)));
            await context.SaveChangesAsync();
        }

        var writer = instance.GetRequiredService<DatabaseWriter>();
        var before = writer.Statistics;
        int purged;
        await using (var scope = instance.CreateAsyncScope())
        {
            purged = await purge.PurgeAsync(scope.ServiceProvider, Start, CancellationToken.None);
        }

        var after = writer.Statistics;
        await using (var scope = instance.CreateAsyncScope())
        {
            var left = await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Set<TRow>().AsNoTracking().ToListAsync();
            Assert.Multiple(() =>
            {
                Assert.That(purged, Is.EqualTo(Old));
                Assert.That(left.Select(age), Is.EqualTo(Enumerable.Repeat(RecentAt, Recent)));
                Assert.That(
                    (after.Batches - before.Batches, after.Units - before.Units),
                    Is.EqualTo((Chunks, Chunks)),
                    "each chunk a unit of work, committed on its own");
            });
        }
    }
}
