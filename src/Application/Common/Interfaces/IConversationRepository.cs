namespace Messaging.Application.Common.Interfaces;

/// <summary>
/// Reads conversations: one per contact, kept up to date by <see cref="IMessageRepository.AddIfAbsent"/> in the same
/// transaction that stores each message, so reading them never has to scan messages.
/// </summary>
public interface IConversationRepository
{
    /// <summary>When <paramref name="contact"/> (a canonical WhatsApp address) last wrote to us; null if never.</summary>
    Task<DateTimeOffset?> GetLastInboundAt(string contact, CancellationToken cancellationToken);

    /// <summary>
    /// One page of conversations, most recent activity first by (LastActivityAt, Contact), starting strictly after
    /// <paramref name="after"/> when given. Returns up to <paramref name="limit"/> conversations.
    /// </summary>
    Task<IReadOnlyList<ConversationSummary>> List(ConversationCursor? after, int limit, CancellationToken cancellationToken);
}
