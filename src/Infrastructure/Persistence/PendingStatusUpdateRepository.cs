using Messaging.Domain.Messages;

namespace Messaging.Infrastructure.Persistence;

internal sealed class PendingStatusUpdateRepository(MessagingDbContext context, DatabaseWriter writer) : IPendingStatusUpdateRepository
{
    private static readonly CompiledQuery<Func<MessagingDbContext, string, IAsyncEnumerable<PendingStatusUpdate>>> BySid = new(() =>
        EF.CompileAsyncQuery<MessagingDbContext, string, PendingStatusUpdate>((db, waSid) =>
            db.PendingStatusUpdates.AsNoTracking().Where(p => p.WaSid == waSid).OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id)));

    public Task Add(PendingStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return WriteRoute.Write(
            context,
            writer,
            async (db, token) =>
            {
                db.PendingStatusUpdates.Add(update);
                return await db.SaveChangesAsync(token);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<PendingStatusUpdate>> ListFor(string waSid, CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(context);
        if (WriteSession.Current is not null)
        {
            // Every stored message and every status callback asks, and the answer is almost always "none": a prepared
            // probe answers that without a query to build and materialise.
            using var probe = Statement.For(db, MessageWriteSql.PendingExists(db))
                .Bind("@waSid", db.Model.FindEntityType(typeof(PendingStatusUpdate))!.FindProperty(nameof(PendingStatusUpdate.WaSid))!, waSid);
            if (!await probe.AnyRowAsync(cancellationToken))
            {
                return [];
            }
        }

        var updates = new List<PendingStatusUpdate>();
        await foreach (var update in BySid.For(db)(db, waSid).WithCancellation(cancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    public async Task<string?> FindSidFor(Guid messageId, CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(context);
        return await db.PendingStatusUpdates.AsNoTracking()
            .Where(p => p.MessageId == messageId)
            .Select(p => p.WaSid)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task Remove(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        // A set-based delete: both sides of a race may remove the same rows, and a row already gone is no error.
        return WriteRoute.Write(
            context,
            writer,
            (db, token) => db.PendingStatusUpdates.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(token),
            cancellationToken);
    }

    /// <summary>Deletes every status received before <paramref name="cutoff"/>, in chunks (<see cref="ChunkedDelete"/>), whichever instance runs it.</summary>
    public Task<int> RemoveReceivedBefore(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ChunkedDelete.Run<PendingStatusUpdate, DateTimeOffset>(context, writer, p => p.ReceivedAt < cutoff, p => p.ReceivedAt, cancellationToken);
}
