namespace Messaging.LoadTest;

/// <summary>One contact's conversation row as it grows while <see cref="MessageSeeder"/> adds its messages.</summary>
internal sealed class ConversationSeed(string contact)
{
    public string Contact { get; } = contact;

    public string? ProfileName { get; private set; }

    public Guid LastId { get; private set; }

    public DateTimeOffset LastAt { get; private set; } = DateTimeOffset.MinValue;

    public int Count { get; private set; }

    public DateTimeOffset? LastInboundAt { get; private set; }

    public void Add(Guid id, SeedMessage message)
    {
        Count++;
        if (message.CreatedAt > LastAt || (message.CreatedAt == LastAt && string.CompareOrdinal(id.ToString("D").ToUpperInvariant(), LastId.ToString("D").ToUpperInvariant()) > 0))
        {
            LastAt = message.CreatedAt;
            LastId = id;
        }

        if (message.Inbound && (LastInboundAt is null || message.CreatedAt >= LastInboundAt))
        {
            LastInboundAt = message.CreatedAt;
            ProfileName = message.ProfileName ?? ProfileName;
        }
    }
}
