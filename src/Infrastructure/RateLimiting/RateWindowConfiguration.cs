using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.RateLimiting;

internal sealed class RateWindowConfiguration : IEntityTypeConfiguration<RateWindow>
{
    /// <summary>An API key's name is at most 100 characters.</summary>
    public const int PartitionLength = 100;

    public void Configure(EntityTypeBuilder<RateWindow> builder)
    {
        builder.ToTable("RateWindows");
        builder.HasKey(w => w.Partition);
        builder.Property(w => w.Partition).HasMaxLength(PartitionLength);
    }
}
