namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The read model behind the conversation list: one row per contact, written only by the upsert that
/// <see cref="MessageRepository.AddIfAbsent"/> runs with each insert. It lives here rather than in Domain because it
/// holds no rule of its own: it is a projection of messages that the database keeps, so a page of conversations costs
/// the same however many messages there are.
/// </summary>
internal sealed class Conversation
{
    // For EF Core.
    private Conversation()
    {
        Contact = string.Empty;
    }

    public string Contact { get; private set; }

    public string? ProfileName { get; private set; }

    public Guid LastMessageId { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public int MessageCount { get; private set; }

    public DateTimeOffset? LastInboundAt { get; private set; }
}
