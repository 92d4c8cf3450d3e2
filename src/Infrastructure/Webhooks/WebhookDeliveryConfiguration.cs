using Messaging.Domain.Webhooks;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public const int ErrorLength = 512;
    private const int EventTypeLength = 64;

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.EventType).HasMaxLength(EventTypeLength);
        builder.Property(d => d.ConversationKey).HasMaxLength(StoredLengths.Address);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(StoredLengths.EnumName);
        builder.Property(d => d.LastError).HasMaxLength(ErrorLength);

        // One delivery per event and subscription, whoever creates it; also the listing's order, newest first.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventPosition }).IsUnique();

        // A delivery waits while an earlier one of its conversation is pending: that question is a seek here.
        builder.HasIndex(d => new { d.SubscriptionId, d.ConversationKey, d.Status, d.EventPosition });

        // The deliveries that are due.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });

        // The purge deletes by age.
        builder.HasIndex(d => d.CreatedAt);
    }
}
