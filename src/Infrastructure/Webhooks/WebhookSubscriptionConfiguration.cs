using Messaging.Domain.Webhooks;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public const int UrlLength = 2048;
    public const int ReasonLength = 512;
    private const int EventTypesLength = 256;
    private const int SecretLength = 64;

    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(UrlLength);

        // A handful of short names that never contain a comma: one column the same on every database.
        builder.Property(s => s.EventTypes)
            .HasConversion(
                types => string.Join(',', types),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries),
                new ValueComparer<IReadOnlyList<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    types => types.Aggregate(0, (hash, type) => HashCode.Combine(hash, type.GetHashCode(StringComparison.Ordinal))),
                    types => types.ToArray()))
            .HasMaxLength(EventTypesLength);
        builder.Property(s => s.Secret).HasMaxLength(SecretLength);
        builder.Property(s => s.PreviousSecret).HasMaxLength(SecretLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(StoredLengths.EnumName);
        builder.Property(s => s.DisabledReason).HasMaxLength(ReasonLength);
    }
}
