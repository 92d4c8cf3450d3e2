using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Infrastructure.Persistence;

internal sealed class PendingStatusUpdateRepository(MessagingDbContext context) : IPendingStatusUpdateRepository
{
    public async Task Add(PendingStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        context.PendingStatusUpdates.Add(update);
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingStatusUpdate>> ListFor(string waSid, CancellationToken cancellationToken) =>
        await context.PendingStatusUpdates
            .AsNoTracking()
            .Where(p => p.WaSid == waSid)
            .OrderBy(p => p.ReceivedAt)
            .ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);

    public async Task Remove(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        // A set-based delete: both sides of a race may remove the same rows, and a row already gone is no error.
        await context.PendingStatusUpdates.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
