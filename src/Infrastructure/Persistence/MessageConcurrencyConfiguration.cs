using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// Status callbacks for one message arrive concurrently (Twilio posts <c>delivered</c> and <c>read</c> moments apart).
/// Each update reads, applies the forward-only rule and writes; the stamp makes a write based on a stale read fail
/// instead of moving the message back, and the repository then reads again.
/// </summary>
internal sealed class MessageConcurrencyConfiguration : IEntityTypeConfiguration<Message>
{
    public const string StampProperty = "ConcurrencyStamp";

    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property<Guid>(StampProperty).IsConcurrencyToken();
    }
}
