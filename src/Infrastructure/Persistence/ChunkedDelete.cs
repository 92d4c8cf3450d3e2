using System.Linq.Expressions;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// A purge's delete, a chunk of <see cref="DatabaseWriter.PurgeChunkSize"/> rows at a time, each chunk a unit of work
/// of its own. The writer runs one transaction at a time, so one delete of a whole backlog (a round of outbox events can
/// be a million rows) would hold up every request's write until it committed, and on SQL Server a delete that large
/// escalates to a lock on the whole table, holding up the other instances too. Between two chunks, the writes queued
/// meanwhile commit.
/// </summary>
internal static class ChunkedDelete
{
    /// <summary>
    /// Deletes every row that <paramref name="due"/> selects, oldest first by <paramref name="oldestFirst"/> (an indexed
    /// column, so that each chunk reads only the rows it deletes), and returns how many it deleted. Cancellation stops
    /// it between two chunks; the chunks already deleted stay deleted.
    /// </summary>
    public static async Task<int> Run<TRow, TKey>(
        MessagingDbContext context,
        DatabaseWriter writer,
        Expression<Func<TRow, bool>> due,
        Expression<Func<TRow, TKey>> oldestFirst,
        CancellationToken cancellationToken)
        where TRow : class
    {
        var chunk = writer.PurgeChunkSize;
        var deleted = 0;
        int last;
        do
        {
            // A Take of an ordered query, which EF Core translates for SQLite, SQL Server and PostgreSQL alike: each
            // limits a DELETE its own way, and SQLite as usually built not at all.
            last = await WriteRoute.Write(
                context,
                writer,
                (db, token) => db.Set<TRow>().Where(due).OrderBy(oldestFirst).Take(chunk).ExecuteDeleteAsync(token),
                cancellationToken);
            deleted += last;
        }
        while (last == chunk);

        return deleted;
    }
}
