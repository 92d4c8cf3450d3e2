using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;
using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Messaging.Infrastructure.Persistence;

internal sealed class MessageRepository : IMessageRepository
{
    // Each retry follows a write that succeeded elsewhere, and statuses only move forward, so contention ends quickly.
    private const int MaxUpdateAttempts = 20;

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
        var elsewhere = WriteRoute.WritesElsewhere(_context);
        var (stored, stamp, inserted) = await WriteRoute.Write(
            _context, _writer, (db, token) => InsertOrFind(db, message, token), cancellationToken);
        return new AddIfAbsentResult(elsewhere ? Track(stored, stamp) : stored, inserted);
    }

    public async Task<Message?> Update(string waSid, Func<Message, bool> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        ArgumentNullException.ThrowIfNull(change);
        var elsewhere = WriteRoute.WritesElsewhere(_context);
        var updated = await WriteRoute.Write(
            _context, _writer, (db, token) => UpdateIn(db, waSid, change, token), cancellationToken);
        if (updated is not { } result)
        {
            return null;
        }

        return elsewhere ? Track(result.Message, result.Stamp) : result.Message;
    }

    public Task<Message?> GetById(Guid id, CancellationToken cancellationToken) =>
        WriteRoute.ReadContext(_context).Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Message>> List(
        MessageFilter filter,
        MessageCursor? after,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var query = WriteRoute.ReadContext(_context).Messages.AsNoTracking();
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

    // No look-up first: the unique index on WaSid is the only guard that holds under concurrency, so a new SID costs a
    // single INSERT and only the rare duplicate pays for a second query. The conversation upsert shares the insert's
    // transaction (the writer's, or the caller's own): a message is never stored without being counted, and a lost
    // race counts nothing.
    private static async Task<(Message Message, Guid Stamp, bool Inserted)> InsertOrFind(
        MessagingDbContext db, Message message, CancellationToken cancellationToken)
    {
        db.Messages.Add(message);
        try
        {
            // Inside a transaction EF Core saves behind a savepoint, so a refused INSERT leaves the transaction usable.
            await db.SaveChangesAsync(cancellationToken);
            await UpsertConversation(db, message, cancellationToken);
            return (message, Stamp(db.Entry(message)), true);
        }
        catch (DbUpdateException exception) when (message.WaSid is not null && UniqueViolation.IsUniqueViolation(exception))
        {
            // Left in the Added state, the rejected entity would be inserted again by the next SaveChanges.
            db.Entry(message).State = EntityState.Detached;
        }

        var stored = await db.Messages.SingleAsync(m => m.WaSid == message.WaSid, cancellationToken);
        return (stored, Stamp(db.Entry(stored)), false);
    }

    private static async Task<(Message Message, Guid Stamp)?> UpdateIn(
        MessagingDbContext db, string waSid, Func<Message, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var message = await ReadCurrent(db, waSid, cancellationToken);
            if (message is null)
            {
                return null;
            }

            var entry = db.Entry(message);
            if (!change(message))
            {
                return (message, Stamp(entry));
            }

            entry.Property(MessageConcurrencyConfiguration.StampProperty).CurrentValue = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (message, Stamp(entry));
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxUpdateAttempts)
            {
                // Another process changed the message after it was read here; the next attempt reads its version.
            }
        }
    }

    private static async Task UpsertConversation(MessagingDbContext db, Message message, CancellationToken cancellationToken)
    {
        var rows = await db.Database.ExecuteSqlRawAsync(
            ConversationUpsertSql.For(db.Database), [message.Id], cancellationToken);
        if (rows != 1)
        {
            // The message was inserted a moment ago in this transaction; anything else means the statement is wrong,
            // and committing would leave the message out of its conversation for good.
            throw new InvalidOperationException($"The conversation upsert for message {message.Id} changed {rows} rows, not 1.");
        }
    }

    // The database's current version, also when this context already tracks the message (e.g. just after inserting
    // it): a tracked copy may be older than another writer's update.
    private static async Task<Message?> ReadCurrent(MessagingDbContext db, string waSid, CancellationToken cancellationToken)
    {
        var tracked = db.Messages.Local.FirstOrDefault(m => m.WaSid == waSid);
        if (tracked is not null)
        {
            var entry = db.Entry(tracked);
            await entry.ReloadAsync(cancellationToken);
            if (entry.State != EntityState.Detached)
            {
                return tracked;
            }
        }

        return await db.Messages.SingleOrDefaultAsync(m => m.WaSid == waSid, cancellationToken);
    }

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
