using System.Data.Common;
using Messaging.Application.Events;
using Messaging.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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
        var sql = db is SqlServerMessagingDbContext ? SqlServerTake : SqliteTake;
        var take = statements.For(db.Database.GetDbConnection(), transaction, sql);
        var count = take.CreateParameter();
        count.ParameterName = "@count";
        count.Value = (long)events.Count;
        take.Parameters.Add(count);
        var last = Convert.ToInt64(
            await take.ExecuteScalarAsync() ?? throw new InvalidOperationException("The outbox has no head row; are the migrations applied?"),
            System.Globalization.CultureInfo.InvariantCulture);

        // One prepared INSERT per event, bound through the model's type mappings (UTC ticks on SQLite, GUIDs as EF
        // Core stores them): a fraction of what a SaveChanges costs, which is most of a small batch's time.
        var type = db.Model.FindEntityType(typeof(OutboxEvent))!;
        var insert = db is SqlServerMessagingDbContext ? SqlServerInsert : SqliteInsert;
        var position = last - events.Count;
        var stored = new List<StoredEvent>(events.Count);
        foreach (var pending in events)
        {
            var command = statements.For(db.Database.GetDbConnection(), transaction, insert);
            Bind(command, "@position", type, nameof(OutboxEvent.Position), ++position);
            Bind(command, "@id", type, nameof(OutboxEvent.Id), pending.Id);
            Bind(command, "@type", type, nameof(OutboxEvent.Type), pending.Type);
            Bind(command, "@key", type, nameof(OutboxEvent.ConversationKey), pending.ConversationKey);
            Bind(command, "@at", type, nameof(OutboxEvent.OccurredAt), pending.OccurredAt);
            Bind(command, "@data", type, nameof(OutboxEvent.Data), pending.Data);
            await command.ExecuteNonQueryAsync();
            stored.Add(new StoredEvent(pending.Id, position, pending.Type, pending.ConversationKey, pending.OccurredAt, pending.Data));
        }

        return stored;
    }

    private static void Bind(DbCommand command, string name, IEntityType type, string property, object value)
    {
        var mapping = (RelationalTypeMapping)type.FindProperty(property)!.GetTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: false));
    }
}
