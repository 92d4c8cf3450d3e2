using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Events;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public const string IdIndex = "IX_OutboxEvents_Id";
    private const int TypeLength = 64;

    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("OutboxEvents");

        // The position is the key: a tail's "after this position" is a range seek on the clustered index.
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).ValueGeneratedNever();
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => e.Id).IsUnique().HasDatabaseName(IdIndex);
        builder.Property(e => e.Type).HasMaxLength(TypeLength);
        builder.Property(e => e.ConversationKey).HasMaxLength(StoredLengths.Address);

        // The purge deletes by age.
        builder.HasIndex(e => e.OccurredAt);
    }
}
