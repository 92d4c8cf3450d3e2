using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Infrastructure.Persistence;

internal sealed class PendingStatusUpdateRepository(MessagingDbContext context, DatabaseWriter writer) : IPendingStatusUpdateRepository
{
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

    public async Task<IReadOnlyList<PendingStatusUpdate>> ListFor(string waSid, CancellationToken cancellationToken) =>
        await WriteRoute.ReadContext(context).PendingStatusUpdates
            .AsNoTracking()
            .Where(p => p.WaSid == waSid)
            .OrderBy(p => p.ReceivedAt)
            .ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);

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
}
