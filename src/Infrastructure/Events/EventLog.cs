using Messaging.Application.Events;
using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Events;

internal sealed class EventLog(MessagingDbContext context) : IEventLog
{
    // A tail asks this every round of every instance, idle or not: a range seek on the key, compiled once.
    private static readonly CompiledQuery<Func<MessagingDbContext, long, int, IAsyncEnumerable<StoredEvent>>> After = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, long position, int limit) =>
            db.OutboxEvents.AsNoTracking()
                .Where(e => e.Position > position)
                .OrderBy(e => e.Position)
                .Take(limit)
                .Select(e => new StoredEvent(e.Id, e.Position, e.Type, e.ConversationKey, e.OccurredAt, e.Data))));

    public async Task<IReadOnlyList<StoredEvent>> ReadAfter(long position, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = WriteRoute.ReadContext(context);
        var events = new List<StoredEvent>();
        await foreach (var stored in After.For(db)(db, position, limit).WithCancellation(cancellationToken))
        {
            events.Add(stored);
        }

        return events;
    }

    public async Task<long> Head(CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(context);
        return await db.OutboxHeads.AsNoTracking()
            .Where(h => h.Id == OutboxHead.RowId)
            .Select(h => h.Position)
            .SingleAsync(cancellationToken);
    }
}
