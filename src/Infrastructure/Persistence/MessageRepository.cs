using System.Collections.Concurrent;
using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Messaging.Infrastructure.Persistence;

internal sealed class MessageRepository : IMessageRepository
{
    // Each retry follows a write that succeeded elsewhere, and statuses only move forward, so contention ends quickly.
    private const int MaxUpdateAttempts = 20;

    // Compiled once: the hot look-ups skip building, translating and caching a LINQ expression on every call.
    private static readonly CompiledQuery<Func<MessagingDbContext, string, CancellationToken, Task<Message?>>> TrackedBySidQuery = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, string waSid, CancellationToken _) =>
            db.Messages.SingleOrDefault(m => m.WaSid == waSid)));

    private static readonly CompiledQuery<Func<MessagingDbContext, Guid, CancellationToken, Task<Message?>>> ByIdQuery = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, Guid id, CancellationToken _) =>
            db.Messages.AsNoTracking().SingleOrDefault(m => m.Id == id)));

    // The dashboard's pages (everything, or one contact's thread; the first page or one after a cursor), compiled.
    // Rarer filters (direction, status) go through LINQ.
    private static readonly CompiledQuery<Func<MessagingDbContext, int, IAsyncEnumerable<Message>>> Newest = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, int limit) =>
            db.Messages.AsNoTracking().OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit)));

    private static readonly CompiledQuery<Func<MessagingDbContext, DateTimeOffset, Guid, int, IAsyncEnumerable<Message>>> NewestAfter = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, DateTimeOffset createdAt, Guid id, int limit) =>
            db.Messages.AsNoTracking()
                .Where(m => m.CreatedAt <= createdAt && (m.CreatedAt < createdAt || m.Id.CompareTo(id) < 0))
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit)));

    private static readonly CompiledQuery<Func<MessagingDbContext, string, int, IAsyncEnumerable<Message>>> ThreadNewest = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, string contact, int limit) =>
            db.Messages.AsNoTracking()
                .Where(m => EF.Property<string>(m, MessageConfiguration.ContactProperty) == contact)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit)));

    private static readonly CompiledQuery<Func<MessagingDbContext, string, DateTimeOffset, Guid, int, IAsyncEnumerable<Message>>> ThreadAfter = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, string contact, DateTimeOffset createdAt, Guid id, int limit) =>
            db.Messages.AsNoTracking()
                .Where(m => EF.Property<string>(m, MessageConfiguration.ContactProperty) == contact)
                .Where(m => m.CreatedAt <= createdAt && (m.CreatedAt < createdAt || m.Id.CompareTo(id) < 0))
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit)));

    // UPDATE statements by provider and changed columns; in practice one: a status change.
    private static readonly ConcurrentDictionary<string, string> UpdateStatements = new(StringComparer.Ordinal);

    private readonly MessagingDbContext _context;
    private readonly DatabaseWriter? _writer;

    public MessageRepository(MessagingDbContext context, DatabaseWriter writer)
    {
        _context = context;
        _writer = writer;
    }

    /// <summary>For reads; without the writer, writes run only inside a transaction the caller holds on <paramref name="context"/>.</summary>
    public MessageRepository(MessagingDbContext context)
    {
        _context = context;
    }

    public async Task<AddIfAbsentResult> AddIfAbsent(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var inUnit = WriteSession.Current is not null;
        var (stored, stamp, conversation) = await WriteRoute.Write(
            _context, _writer, (db, token) => InsertOrFind(db, message, token), cancellationToken);
        return new AddIfAbsentResult(inUnit ? stored : Track(stored, stamp), Inserted: conversation is not null, conversation);
    }

    public Task<Message?> Update(string waSid, Func<Message, bool> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        return UpdateOne((db, token) => ReadCurrent(db, m => m.WaSid == waSid, () => TrackedBySid(db, waSid, token), token), change, cancellationToken);
    }

    public Task<Message?> UpdateById(Guid id, Func<Message, bool> change, CancellationToken cancellationToken) =>
        UpdateOne((db, token) => ReadCurrent(db, m => m.Id == id, () => db.Messages.SingleOrDefaultAsync(m => m.Id == id, token), token), change, cancellationToken);

    public async Task<IReadOnlyList<Message>> ListOutcomeUnknown(DateTimeOffset createdBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = WriteRoute.ReadContext(_context);
        return await db.Messages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Unknown && m.CreatedAt < createdBefore)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountOutcomeUnknown(CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(_context);
        return await db.Messages.AsNoTracking().CountAsync(m => m.Status == MessageStatus.Unknown, cancellationToken);
    }

    public async Task<bool> IsSidStored(string waSid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        var db = WriteRoute.ReadContext(_context);
        return await db.Messages.AsNoTracking().AnyAsync(m => m.WaSid == waSid, cancellationToken);
    }

    public Task<Message?> GetById(Guid id, CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(_context);
        return ByIdQuery.For(db)(db, id, cancellationToken);
    }

    public async Task<IReadOnlyList<Message>> List(
        MessageFilter filter,
        MessageCursor? after,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var db = WriteRoute.ReadContext(_context);
        if (filter is { Direction: null, Status: null })
        {
            var page = (filter.Contact, after) switch
            {
                (null, null) => Newest.For(db)(db, limit),
                (null, { } cursor) => NewestAfter.For(db)(db, cursor.CreatedAt, cursor.Id, limit),
                ({ } thread, null) => ThreadNewest.For(db)(db, thread, limit),
                ({ } thread, { } cursor) => ThreadAfter.For(db)(db, thread, cursor.CreatedAt, cursor.Id, limit),
            };
            var messages = new List<Message>(limit);
            await foreach (var message in page.WithCancellation(cancellationToken))
            {
                messages.Add(message);
            }

            return messages;
        }

        var query = db.Messages.AsNoTracking();
        if (filter.Contact is { } contact)
        {
            query = query.Where(m => EF.Property<string>(m, MessageConfiguration.ContactProperty) == contact);
        }

        if (filter.Direction is { } direction)
        {
            query = query.Where(m => m.Direction == direction);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (after is not null)
        {
            var createdAt = after.CreatedAt;
            var id = after.Id;
            // Equivalent to (CreatedAt < c) OR (CreatedAt = c AND Id < id). The leading "CreatedAt <= c" hands every
            // planner a plain range to seek to, instead of relying on it to derive one from the OR.
            query = query.Where(m => m.CreatedAt <= createdAt && (m.CreatedAt < createdAt || m.Id.CompareTo(id) < 0));
        }

        return await query
            .OrderByDescending(m => m.CreatedAt)
            .ThenByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    private async Task<Message?> UpdateOne(
        Func<MessagingDbContext, CancellationToken, Task<Message?>> read, Func<Message, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var inUnit = WriteSession.Current is not null;
        var updated = await WriteRoute.Write(_context, _writer, (db, token) => UpdateIn(db, read, change, token), cancellationToken);
        if (updated is not { } result)
        {
            return null;
        }

        return inUnit ? result.Message : Track(result.Message, result.Stamp);
    }

    // No look-up first: one guarded INSERT decides, so a new SID costs a single statement and a duplicate (Twilio
    // delivering again) costs one more read. The conversation upsert shares the insert's transaction (the writer's, or
    // the caller's own): a message is never stored without being counted, and a lost race counts nothing.
    private static async Task<(Message Message, Guid Stamp, ConversationCounters? Conversation)> InsertOrFind(
        MessagingDbContext db, Message message, CancellationToken cancellationToken)
    {
        if (await Insert(db, message, cancellationToken))
        {
            return (message, Guid.Empty, await UpsertConversation(db, message, cancellationToken));
        }

        // The guard took the SID, or the id (the same message, stored by an earlier run of this unit): the stored
        // message is returned, tracked, like any message read for an update.
        var stored = (message.WaSid is { } sid ? await TrackedBySid(db, sid, cancellationToken) : null)
            ?? await db.Messages.SingleOrDefaultAsync(m => m.Id == message.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Message {message.Id} was refused as stored, but neither its id nor its SID is.");
        return (stored, Stamp(db.Entry(stored)), null);
    }

    private static async Task<bool> Insert(MessagingDbContext db, Message message, CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(Message))!;
        using var statement = Statement.For(db, MessageWriteSql.Insert(db))
            .Bind("@id", Property(type, nameof(Message.Id)), message.Id)
            .Bind("@waSid", Property(type, nameof(Message.WaSid)), message.WaSid)
            .Bind("@direction", Property(type, nameof(Message.Direction)), message.Direction)
            .Bind("@from", Property(type, nameof(Message.From)), message.From)
            .Bind("@to", Property(type, nameof(Message.To)), message.To)
            .Bind("@body", Property(type, nameof(Message.Body)), message.Body)
            .Bind("@profileName", Property(type, nameof(Message.ProfileName)), message.ProfileName)
            .Bind("@contentSid", Property(type, nameof(Message.ContentSid)), message.ContentSid)
            .Bind("@status", Property(type, nameof(Message.Status)), message.Status)
            .Bind("@errorCode", Property(type, nameof(Message.ErrorCode)), message.ErrorCode)
            .Bind("@errorMessage", Property(type, nameof(Message.ErrorMessage)), message.ErrorMessage)
            .Bind("@createdAt", Property(type, nameof(Message.CreatedAt)), message.CreatedAt)
            .Bind("@updatedAt", Property(type, nameof(Message.UpdatedAt)), message.UpdatedAt)
            .Bind("@media", MediaJson.Write(message.Media))
            .Bind("@stamp", Property(type, MessageConcurrencyConfiguration.StampProperty), Guid.Empty);
        try
        {
            return await statement.ExecuteAsync(cancellationToken) == 1;
        }
        catch (Exception exception) when (message.WaSid is not null && DatabaseErrors.IsUniqueViolation(exception, MessageConfiguration.SidIndex))
        {
            // The unique index caught what the guard did not see (another process, on a database without the guard's
            // lock): the same answer, the SID is taken.
            return false;
        }
    }

    private static async Task<(Message Message, Guid Stamp)?> UpdateIn(
        MessagingDbContext db,
        Func<MessagingDbContext, CancellationToken, Task<Message?>> read,
        Func<Message, bool> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var message = await read(db, cancellationToken);
            if (message is null)
            {
                return null;
            }

            var entry = db.Entry(message);
            if (!change(message))
            {
                return (message, Stamp(entry));
            }

            if (await SaveChanged(db, entry, cancellationToken))
            {
                return (message, Stamp(entry));
            }

            if (attempt == MaxUpdateAttempts)
            {
                throw new DbUpdateConcurrencyException($"Message {message.Id} kept changing under {MaxUpdateAttempts} attempts to update it.");
            }

            // Another process changed the message after it was read here; the next attempt reads its version.
        }
    }

    // The changed columns only, with a new stamp, where the stamp is still the one read: zero rows means another writer
    // got there first. Anything but plain columns (the media) goes through EF Core's own save.
    private static async Task<bool> SaveChanged(MessagingDbContext db, EntityEntry<Message> entry, CancellationToken cancellationToken)
    {
        var stampEntry = entry.Property(MessageConcurrencyConfiguration.StampProperty);
        var readStamp = (Guid)stampEntry.OriginalValue!;
        var newStamp = Guid.NewGuid();
        entry.DetectChanges();
        if (entry.Navigations.Any(n => n.IsModified))
        {
            stampEntry.CurrentValue = newStamp;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                await entry.ReloadAsync(cancellationToken);
                return false;
            }
        }

        var changed = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != MessageConcurrencyConfiguration.StampProperty).ToList();
        using (var statement = Statement.For(db, UpdateSql(db, entry.Metadata, changed)))
        {
            for (var i = 0; i < changed.Count; i++)
            {
                statement.Bind("@v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), changed[i].Metadata, changed[i].CurrentValue);
            }

            statement
                .Bind("@stamp", stampEntry.Metadata, newStamp)
                .Bind("@id", Property(entry.Metadata, nameof(Message.Id)), entry.Entity.Id)
                .Bind("@readStamp", stampEntry.Metadata, readStamp);
            if (await statement.ExecuteAsync(cancellationToken) == 0)
            {
                // The change stays unsaved on the entity; the retry reloads it from the database first.
                return false;
            }
        }

        // What is stored now is what the entity holds: a later save in the same unit starts from here.
        entry.OriginalValues.SetValues(entry.CurrentValues);
        stampEntry.CurrentValue = newStamp;
        stampEntry.OriginalValue = newStamp;
        entry.State = EntityState.Unchanged;
        return true;
    }

    private static string UpdateSql(MessagingDbContext db, IEntityType type, List<PropertyEntry> changed)
    {
        var key = db.GetType().Name + ":" + string.Join(',', changed.Select(p => p.Metadata.Name));
        return UpdateStatements.GetOrAdd(key, _ =>
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(Property(type, property).GetColumnName());
            var sets = changed.Select((p, i) => $"{sql.DelimitIdentifier(p.Metadata.GetColumnName())} = @v{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
                .Append($"{Column(MessageConcurrencyConfiguration.StampProperty)} = @stamp");
            return $"UPDATE {sql.DelimitIdentifier(type.GetTableName()!)} SET {string.Join(", ", sets)} "
                + $"WHERE {Column(nameof(Message.Id))} = @id AND {Column(MessageConcurrencyConfiguration.StampProperty)} = @readStamp";
        });
    }

    private static async Task<ConversationCounters> UpsertConversation(MessagingDbContext db, Message message, CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(Message))!;
        using var statement = Statement.For(db, MessageWriteSql.UpsertConversation(db))
            .Bind("@id", Property(type, nameof(Message.Id)), message.Id);
        await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // The message was inserted a moment ago in this transaction; anything else means the statement is wrong,
            // and committing would leave the message out of its conversation for good.
            throw new InvalidOperationException($"The conversation upsert for message {message.Id} changed no row.");
        }

        var conversation = db.Model.FindEntityType(typeof(Conversation))!;
        return new ConversationCounters(
            message.Contact,
            await reader.IsDBNullAsync(0, cancellationToken) ? null : reader.GetString(0),
            ReadStored<Guid>(reader, 1, conversation, nameof(Conversation.LastMessageId)),
            ReadStored<DateTimeOffset>(reader, 2, conversation, nameof(Conversation.LastActivityAt)),
            reader.GetInt32(3),
            await reader.IsDBNullAsync(4, cancellationToken) ? null : ReadStored<DateTimeOffset>(reader, 4, conversation, nameof(Conversation.LastInboundAt)));
    }

    // A column read back as EF Core would: through the property's value converter when it has one (UTC ticks on SQLite).
    private static T ReadStored<T>(System.Data.Common.DbDataReader reader, int ordinal, IEntityType type, string property)
    {
        var converter = Property(type, property).GetTypeMapping().Converter;
        return converter is null ? reader.GetFieldValue<T>(ordinal) : (T)converter.ConvertFromProvider(reader.GetValue(ordinal))!;
    }

    // The database's current version, also when this context already tracks the message: a tracked copy may be older
    // than another writer's update.
    private static async Task<Message?> ReadCurrent(
        MessagingDbContext db, Func<Message, bool> isIt, Func<Task<Message?>> query, CancellationToken cancellationToken)
    {
        var tracked = db.Messages.Local.FirstOrDefault(isIt);
        if (tracked is not null)
        {
            var entry = db.Entry(tracked);
            await entry.ReloadAsync(cancellationToken);
            if (entry.State != EntityState.Detached)
            {
                return tracked;
            }
        }

        return await query();
    }

    private static Task<Message?> TrackedBySid(MessagingDbContext db, string waSid, CancellationToken cancellationToken) =>
        TrackedBySidQuery.For(db)(db, waSid, cancellationToken);

    private static IProperty Property(IEntityType type, string name) =>
        type.FindProperty(name) ?? throw new InvalidOperationException($"{type.DisplayName()} has no property {name}.");

    private static Guid Stamp(EntityEntry<Message> entry) =>
        (Guid)entry.Property(MessageConcurrencyConfiguration.StampProperty).CurrentValue!;

    // A write on the writer's context hands back an entity no context tracks any more. This request's context tracks it
    // from here, as it would had it made the write itself; a copy it already tracks is brought up to date instead, so
    // the caller keeps working with the instance it has.
    private Message Track(Message message, Guid stamp)
    {
        var tracked = _context.Messages.Local.FirstOrDefault(m => m.Id == message.Id);
        EntityEntry<Message> entry;
        if (tracked is null)
        {
            entry = _context.Messages.Attach(message);
        }
        else
        {
            entry = _context.Entry(tracked);
            entry.CurrentValues.SetValues(message);
            entry.OriginalValues.SetValues(message);
        }

        var stampProperty = entry.Property(MessageConcurrencyConfiguration.StampProperty);
        stampProperty.CurrentValue = stamp;
        stampProperty.OriginalValue = stamp;
        stampProperty.IsModified = false;
        return entry.Entity;
    }
}
