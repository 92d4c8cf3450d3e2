using System.Data.Common;
using Messaging.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Infrastructure.Events;

/// <summary>
/// Writes the events a transaction's units recorded, as the transaction's last statements: it takes a range of positions
/// from the <see cref="OutboxHead"/> row, which stays locked by this transaction until it commits, and inserts the
/// events with them. A second writer (another instance) waits for the row, or on PostgreSQL is aborted and run again,
/// so positions become visible in increasing order and a tail reading "after position p" never skips one that commits
/// later. The range is contiguous and rolls back with the transaction, so a gap between two positions means a purge.
/// </summary>
internal static class OutboxWrites
{
    private const string SqliteTake = """UPDATE "OutboxHead" SET "Position" = "Position" + @count WHERE "Id" = 1 RETURNING "Position" """;

    private const string SqlServerTake = "UPDATE [OutboxHead] SET [Position] = [Position] + @count OUTPUT inserted.[Position] WHERE [Id] = 1";

    /// <summary>Writes <paramref name="events"/>, in their order, and returns the position of the last one.</summary>
    public static async Task<long> AppendAsync(
        MessagingDbContext db, DbTransaction transaction, PreparedStatements statements, IReadOnlyList<PendingEvent> events)
    {
        var sql = db is SqlServerMessagingDbContext ? SqlServerTake : SqliteTake;
        var take = statements.For(db.Database.GetDbConnection(), transaction, sql);
        var count = take.CreateParameter();
        count.ParameterName = "@count";
        count.Value = (long)events.Count;
        take.Parameters.Add(count);
        var last = Convert.ToInt64(
            await take.ExecuteScalarAsync() ?? throw new InvalidOperationException("The outbox has no head row; are the migrations applied?"),
            System.Globalization.CultureInfo.InvariantCulture);

        var position = last - events.Count;
        foreach (var pending in events)
        {
            db.Add(new OutboxEvent
            {
                Position = ++position,
                Id = pending.Id,
                Type = pending.Type,
                ConversationKey = pending.ConversationKey,
                OccurredAt = pending.OccurredAt,
                Data = pending.Data,
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return last;
    }
}
