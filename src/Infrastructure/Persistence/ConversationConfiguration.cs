using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Persistence;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public const string TableName = "Conversations";

    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(c => c.Contact);
        builder.Property(c => c.Contact).HasMaxLength(StoredLengths.Address).ValueGeneratedNever();
        builder.Property(c => c.ProfileName).HasMaxLength(StoredLengths.ProfileName);

        // No foreign key to Messages: the row is only ever written by the upsert, right after its message, and a
        // constraint would add a second index to maintain on every insert for nothing.

        // The list reads newest activity first; with this every page is an index seek whatever its depth.
        builder.HasIndex(c => new { c.LastActivityAt, c.Contact })
            .IsDescending(true, true)
            .HasDatabaseName("IX_Conversations_LastActivityAt_Contact");
    }
}
