using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Persistence;

/// <summary>Maps a <see cref="PositionRow"/> to <paramref name="table"/>, seeded with its one row at position 0.</summary>
internal sealed class PositionRowConfiguration<TRow>(string table) : IEntityTypeConfiguration<TRow>
    where TRow : PositionRow, new()
{
    public void Configure(EntityTypeBuilder<TRow> builder)
    {
        builder.ToTable(table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new TRow { Id = PositionRow.RowId, Position = 0 });
    }
}
