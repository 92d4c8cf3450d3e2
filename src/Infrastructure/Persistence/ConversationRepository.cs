namespace Messaging.Infrastructure.Persistence;

internal sealed class ConversationRepository(MessagingDbContext context) : IConversationRepository
{
    // Every free-form send asks it: compiled once, not rebuilt and translated per call.
    private static readonly CompiledQuery<Func<MessagingDbContext, string, CancellationToken, Task<DateTimeOffset?>>> LastInboundAt = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, string contact, CancellationToken _) =>
            db.Conversations.Where(c => c.Contact == contact).Select(c => c.LastInboundAt).SingleOrDefault()));

    // The page is chosen on the conversations index alone; each of its rows then costs one primary-key look-up for the
    // newest message. Compiled: the conversation list is what the dashboard opens with.
    private static readonly CompiledQuery<Func<MessagingDbContext, int, IAsyncEnumerable<ConversationSummary>>> FirstPage = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, int limit) =>
            db.Conversations.AsNoTracking()
                .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Contact).Take(limit)
                .Join(db.Messages.AsNoTracking(), c => c.LastMessageId, m => m.Id, (c, m) => new { Conversation = c, Message = m })
                .OrderByDescending(x => x.Conversation.LastActivityAt).ThenByDescending(x => x.Conversation.Contact)
                .Select(x => new ConversationSummary(
                    x.Conversation.Contact, x.Conversation.ProfileName, x.Message, x.Conversation.LastActivityAt, x.Conversation.MessageCount, x.Conversation.LastInboundAt))));

    // Equivalent to (LastActivityAt < t) OR (LastActivityAt = t AND Contact < c). The leading "LastActivityAt <= t"
    // hands every planner a plain range to seek to, instead of relying on it to derive one from the OR.
    private static readonly CompiledQuery<Func<MessagingDbContext, DateTimeOffset, string, int, IAsyncEnumerable<ConversationSummary>>> PageAfter = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, DateTimeOffset lastActivityAt, string contact, int limit) =>
            db.Conversations.AsNoTracking()
                .Where(c => c.LastActivityAt <= lastActivityAt && (c.LastActivityAt < lastActivityAt || c.Contact.CompareTo(contact) < 0))
                .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Contact).Take(limit)
                .Join(db.Messages.AsNoTracking(), c => c.LastMessageId, m => m.Id, (c, m) => new { Conversation = c, Message = m })
                .OrderByDescending(x => x.Conversation.LastActivityAt).ThenByDescending(x => x.Conversation.Contact)
                .Select(x => new ConversationSummary(
                    x.Conversation.Contact, x.Conversation.ProfileName, x.Message, x.Conversation.LastActivityAt, x.Conversation.MessageCount, x.Conversation.LastInboundAt))));

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
        var rows = after is null
            ? FirstPage.For(db)(db, limit)
            : PageAfter.For(db)(db, after.LastActivityAt, after.Contact, limit);
        var summaries = new List<ConversationSummary>(limit);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            summaries.Add(row);
        }

        return summaries;
    }
}
