using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Persistence;

internal sealed class PendingStatusUpdateConfiguration : IEntityTypeConfiguration<PendingStatusUpdate>
{
    public void Configure(EntityTypeBuilder<PendingStatusUpdate> builder)
    {
        builder.ToTable("PendingStatusUpdates");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.WaSid).HasMaxLength(StoredLengths.Sid).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(StoredLengths.EnumName);

        // Read by SID after every save of a message with a SID; not unique, Twilio reports several statuses.
        builder.HasIndex(p => p.WaSid);

        // Read when a message whose outcome is unknown is stored: a callback may have named it already.
        builder.HasIndex(p => p.MessageId);

        // The purge deletes by age: statuses for SIDs that never became messages.
        builder.HasIndex(p => p.ReceivedAt);
    }
}
