using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Events;

internal sealed class OutboxHeadConfiguration : IEntityTypeConfiguration<OutboxHead>
{
    public void Configure(EntityTypeBuilder<OutboxHead> builder)
    {
        builder.ToTable("OutboxHead");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasData(new OutboxHead { Id = OutboxHead.RowId, Position = 0 });
    }
}
