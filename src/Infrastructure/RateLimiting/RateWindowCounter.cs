using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.RateLimiting;

internal sealed class RateWindowCounter(MessagingDbContext context, DatabaseWriter writer, TimeProvider timeProvider) : IRateWindowCounter
{
    // A first take races another instance's first take of the same partition only once: whoever loses the insert
    // finds the row on its second round.
    private const int Attempts = 2;

    public async Task<RateWindowDecision> TryTake(string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);

        var now = timeProvider.GetUtcNow();
        var start = FixedWindow.StartOf(now, window);
        var taken = await WriteRoute.Write(context, writer, (db, token) => Take(db, partition, start, permitLimit, token), cancellationToken);
        return taken ? RateWindowDecision.Granted : new RateWindowDecision(false, start + window - now);
    }

    internal static async Task<bool> Take(MessagingDbContext db, string partition, DateTimeOffset start, int permitLimit, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // One conditional update decides under concurrency: a row of an earlier window starts this one at 1; a row of
            // this window (or of a later one, by the clock of an instance slightly ahead) counts on while under the limit.
            var updated = await db.RateWindows
                .Where(w => w.Partition == partition && (w.WindowStart < start || w.Count < permitLimit))
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(w => w.Count, w => w.WindowStart < start ? 1 : w.Count + 1)
                        .SetProperty(w => w.WindowStart, w => w.WindowStart < start ? start : w.WindowStart),
                    cancellationToken);
            if (updated == 1)
            {
                return true;
            }

            if (await db.RateWindows.AnyAsync(w => w.Partition == partition, cancellationToken))
            {
                return false;
            }

            if (await TryInsert(db, new RateWindow { Partition = partition, WindowStart = start, Count = 1 }, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<bool> TryInsert(MessagingDbContext db, RateWindow row, CancellationToken cancellationToken)
    {
        db.RateWindows.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return false;
        }
        finally
        {
            // The context is the writer's, shared by the other units of its batch: the row must not ride along with them.
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
