using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Infrastructure.Persistence;

internal sealed class ConversationRepository(MessagingDbContext context) : IConversationRepository
{
    // Every free-form send asks it: compiled once, not rebuilt and translated per call.
    private static readonly CompiledQuery<Func<MessagingDbContext, string, CancellationToken, Task<DateTimeOffset?>>> LastInboundAt = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, string contact, CancellationToken _) =>
            db.Conversations.Where(c => c.Contact == contact).Select(c => c.LastInboundAt).SingleOrDefault()));

    public Task<DateTimeOffset?> GetLastInboundAt(string contact, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contact);
        var db = WriteRoute.ReadContext(context);
        return LastInboundAt.For(db)(db, contact, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationSummary>> List(ConversationCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var db = WriteRoute.ReadContext(context);
        var conversations = db.Conversations.AsNoTracking();
        if (after is not null)
        {
            var lastActivityAt = after.LastActivityAt;
            var contact = after.Contact;
            // Equivalent to (LastActivityAt < t) OR (LastActivityAt = t AND Contact < c). The leading
            // "LastActivityAt <= t" hands every planner a plain range to seek to, instead of relying on it to derive
            // one from the OR.
            conversations = conversations.Where(c =>
                c.LastActivityAt <= lastActivityAt
                && (c.LastActivityAt < lastActivityAt || c.Contact.CompareTo(contact) < 0));
        }

        // The page is chosen on the conversations index alone; each of its rows then costs one primary-key look-up
        // for the newest message.
        var rows = await conversations
            .OrderByDescending(c => c.LastActivityAt)
            .ThenByDescending(c => c.Contact)
            .Take(limit)
            .Join(db.Messages.AsNoTracking(), c => c.LastMessageId, m => m.Id, (c, m) => new { Conversation = c, Message = m })
            .OrderByDescending(x => x.Conversation.LastActivityAt)
            .ThenByDescending(x => x.Conversation.Contact)
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(row => new ConversationSummary(
            row.Conversation.Contact,
            row.Conversation.ProfileName,
            row.Message,
            row.Conversation.LastActivityAt,
            row.Conversation.MessageCount,
            row.Conversation.LastInboundAt));
    }
}
