using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Persistence;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    /// <summary>
    /// Shadow property holding <see cref="Message.Contact"/> as a column, so the contact filter can seek an index
    /// instead of testing two columns under an OR.
    /// </summary>
    public const string ContactProperty = "ContactAddress";

    /// <summary>The names of a medium's fields in the JSON column holding a message's media.</summary>
    public const string MediaUrlJsonName = "url";

    /// <summary>The unique index on the SID, which decides every race to store a message.</summary>
    public const string SidIndex = "IX_Messages_WaSid";

    public const string MediaContentTypeJsonName = "contentType";

    /// <summary>The contact column's expression, with each column name delimited by <paramref name="delimit"/>.</summary>
    public static string ContactSql(Func<string, string> delimit) =>
        $"CASE WHEN {delimit("Direction")} = '{nameof(MessageDirection.Outbound)}' THEN {delimit("To")} ELSE {delimit("From")} END";

    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();

        builder.Property(m => m.WaSid).HasMaxLength(StoredLengths.Sid);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(StoredLengths.EnumName);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(StoredLengths.EnumName);
        builder.Property(m => m.From).HasMaxLength(StoredLengths.Address);
        builder.Property(m => m.To).HasMaxLength(StoredLengths.Address);
        builder.Property(m => m.ContentSid).HasMaxLength(StoredLengths.Sid);

        builder.Property(m => m.ProfileName).HasMaxLength(StoredLengths.ProfileName);

        // Media travel with their message and are never queried on their own: one JSON column, on both providers.
        builder.OwnsMany(m => m.Media, media =>
        {
            media.ToJson();
            media.Property(m => m.Url).HasJsonPropertyName(MediaUrlJsonName);
            media.Property(m => m.ContentType).HasJsonPropertyName(MediaContentTypeJsonName);
        });
        builder.Navigation(m => m.Media).HasField("_media").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(m => m.MediaUrls);
        builder.Ignore(m => m.Contact);

        // Bracketed identifiers are valid in both SQL Server and SQLite, so one expression serves both providers
        // (PostgreSQL's context quotes them its own way); a stored column keeps the value indexable and lets the
        // database, not the code, keep it right.
        builder.Property<string>(ContactProperty)
            .HasColumnName("Contact")
            .HasMaxLength(StoredLengths.Address)
            .IsRequired()
            .HasComputedColumnSql(ContactSql(column => $"[{column}]"), stored: true);

        // The provider adds "WHERE [WaSid] IS NOT NULL" on SQL Server, where NULLs would otherwise collide;
        // SQLite already treats NULLs as distinct.
        builder.HasIndex(m => m.WaSid).IsUnique().HasDatabaseName(SidIndex);

        // Keyset paging reads newest first; with these every page is an index seek whatever its depth.
        builder.HasIndex(m => new { m.CreatedAt, m.Id })
            .IsDescending(true, true)
            .HasDatabaseName("IX_Messages_CreatedAt_Id");
        builder.HasIndex(ContactProperty, nameof(Message.CreatedAt), nameof(Message.Id))
            .IsDescending(false, true, true)
            .HasDatabaseName("IX_Messages_Contact_CreatedAt_Id");
        // Statuses such as Failed are rare; without this a page of them would scan the whole table.
        builder.HasIndex(m => new { m.Status, m.CreatedAt, m.Id })
            .IsDescending(false, true, true)
            .HasDatabaseName("IX_Messages_Status_CreatedAt_Id");
    }
}
