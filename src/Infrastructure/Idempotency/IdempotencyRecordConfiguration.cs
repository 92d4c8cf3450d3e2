using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    // The IETF draft leaves the length open; 255 is what the API accepts, and API key names are short.
    public const int KeyLength = 255;
    public const int OwnerLength = 100;

    /// <summary>The unique index that lets exactly one concurrent request claim a key.</summary>
    public const string OwnerKeyIndex = "IX_IdempotencyKeys_Owner_Key";
    private const int FingerprintLength = 64;
    private const int StateLength = 16;
    private const int ContentTypeLength = 128;
    private const int LocationLength = 2048;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Owner).HasMaxLength(OwnerLength);
        builder.Property(r => r.Key).HasMaxLength(KeyLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(FingerprintLength).IsFixedLength();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(StateLength);
        builder.Property(r => r.ResponseContentType).HasMaxLength(ContentTypeLength);
        builder.Property(r => r.ResponseLocation).HasMaxLength(LocationLength);

        // The claim is an INSERT that this index lets exactly one concurrent request win.
        builder.HasIndex(r => new { r.Owner, r.Key }).IsUnique().HasDatabaseName(OwnerKeyIndex);

        // The purge deletes by age.
        builder.HasIndex(r => r.CreatedAt);
    }
}
