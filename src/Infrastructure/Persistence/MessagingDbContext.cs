using Messaging.Domain.Messages;
using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Events;
using Messaging.Infrastructure.Idempotency;
using Messaging.Infrastructure.RateLimiting;
using Messaging.Infrastructure.Webhooks;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The model shared by every provider. Each provider has its own derived context so that each keeps its own
/// migrations; the registered provider's context is also resolvable as this type.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Message> Messages => Set<Message>();

    internal DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<PendingStatusUpdate> PendingStatusUpdates => Set<PendingStatusUpdate>();

    internal DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    internal DbSet<OutboxHead> OutboxHeads => Set<OutboxHead>();

    internal DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    internal DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    internal DbSet<WebhookCursor> WebhookCursors => Set<WebhookCursor>();

    internal DbSet<Lease> Leases => Set<Lease>();

    internal DbSet<RateWindow> RateWindows => Set<RateWindow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new MessageConfiguration());
        modelBuilder.ApplyConfiguration(new ConversationConfiguration());
        modelBuilder.ApplyConfiguration(new MessageConcurrencyConfiguration());
        modelBuilder.ApplyConfiguration(new PendingStatusUpdateConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxEventConfiguration());
        modelBuilder.ApplyConfiguration(new PositionRowConfiguration<OutboxHead>("OutboxHead"));
        modelBuilder.ApplyConfiguration(new WebhookSubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new PositionRowConfiguration<WebhookCursor>("WebhookCursor"));
        modelBuilder.ApplyConfiguration(new LeaseConfiguration());
        modelBuilder.ApplyConfiguration(new RateWindowConfiguration());
    }
}
