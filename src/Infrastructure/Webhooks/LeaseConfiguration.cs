using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Webhooks;

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public const int NameLength = 64;
    public const int HolderLength = 128;

    // Long past: the first instance to ask takes the lease.
    private static readonly DateTimeOffset NeverHeld = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.ToTable("Leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(NameLength);
        builder.Property(l => l.Holder).HasMaxLength(HolderLength);

        // The row exists from the start, so taking the lease is always an update, never a racing insert.
        builder.HasData(new Lease { Name = WebhookDispatcher.LeaseName, Holder = string.Empty, ExpiresAt = NeverHeld });
    }
}
