using System.Data.Common;
using Messaging.Application.Events;
using Messaging.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Metadata;

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

    private const string SqliteInsert = """
        INSERT INTO "OutboxEvents" ("Position", "Id", "Type", "ConversationKey", "OccurredAt", "Data")
        VALUES (@position, @id, @type, @key, @at, @data)
        """;

    private const string SqlServerInsert = """
        INSERT INTO [OutboxEvents] ([Position], [Id], [Type], [ConversationKey], [OccurredAt], [Data])
        VALUES (@position, @id, @type, @key, @at, @data)
        """;

    /// <summary>Writes <paramref name="events"/>, in their order, and returns them as stored.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> AppendAsync(
        MessagingDbContext db, DbTransaction transaction, PreparedStatements statements, IReadOnlyList<PendingEvent> events)
    {
        var take = Statement.Prepared(statements, db, transaction, db is SqlServerMessagingDbContext ? SqlServerTake : SqliteTake)
            .Bind("@count", (long)events.Count);
        var last = Convert.ToInt64(
            await take.ScalarAsync(CancellationToken.None) ?? throw new InvalidOperationException("The outbox has no head row; are the migrations applied?"),
            System.Globalization.CultureInfo.InvariantCulture);

        // One prepared INSERT per event, bound through the model's type mappings (UTC ticks on SQLite, GUIDs as EF
        // Core stores them): a fraction of what a SaveChanges costs, which is most of a small batch's time.
        var type = db.Model.FindEntityType(typeof(OutboxEvent))!;
        IProperty Column(string name) => type.FindProperty(name)!;
        var insert = db is SqlServerMessagingDbContext ? SqlServerInsert : SqliteInsert;
        var position = last - events.Count;
        var stored = new List<StoredEvent>(events.Count);
        foreach (var pending in events)
        {
            await Statement.Prepared(statements, db, transaction, insert)
                .Bind("@position", Column(nameof(OutboxEvent.Position)), ++position)
                .Bind("@id", Column(nameof(OutboxEvent.Id)), pending.Id)
                .Bind("@type", Column(nameof(OutboxEvent.Type)), pending.Type)
                .Bind("@key", Column(nameof(OutboxEvent.ConversationKey)), pending.ConversationKey)
                .Bind("@at", Column(nameof(OutboxEvent.OccurredAt)), pending.OccurredAt)
                .Bind("@data", Column(nameof(OutboxEvent.Data)), pending.Data)
                .ExecuteAsync(CancellationToken.None);
            stored.Add(new StoredEvent(pending.Id, position, pending.Type, pending.ConversationKey, pending.OccurredAt, pending.Data));
        }

        return stored;
    }
}
