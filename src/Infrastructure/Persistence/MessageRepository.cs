using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;
using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Infrastructure.Persistence;

internal sealed class MessageRepository(MessagingDbContext context) : IMessageRepository
{
    // Each retry follows a write that succeeded elsewhere, and statuses only move forward, so contention ends quickly.
    private const int MaxUpdateAttempts = 20;

    public async Task<AddIfAbsentResult> AddIfAbsent(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // No look-up first: the unique index on WaSid is the only guard that holds under concurrency, so a new
        // SID costs a single INSERT and only the rare duplicate pays for a second query. The conversation upsert
        // shares the insert's transaction: a message is never stored without being counted, and a lost race
        // counts nothing.
        var ownTransaction = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            context.Messages.Add(message);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                await UpsertConversation(message, cancellationToken);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }

                return new AddIfAbsentResult(message, Inserted: true);
            }
            catch (DbUpdateException exception) when (message.WaSid is not null && UniqueViolation.IsUniqueViolation(exception))
            {
                // Left in the Added state, the rejected entity would be inserted again by the next SaveChanges.
                context.Entry(message).State = EntityState.Detached;
            }
        }

        // Tracked, like the message returned when the insert succeeds, so callers see the same thing either way.
        var stored = await context.Messages.SingleAsync(m => m.WaSid == message.WaSid, cancellationToken);
        return new AddIfAbsentResult(stored, Inserted: false);
    }

    public async Task<Message?> Update(string waSid, Func<Message, bool> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        ArgumentNullException.ThrowIfNull(change);

        for (var attempt = 1; ; attempt++)
        {
            var message = await ReadCurrent(waSid, cancellationToken);
            if (message is null || !change(message))
            {
                return message;
            }

            context.Entry(message).Property(MessageConcurrencyConfiguration.StampProperty).CurrentValue = Guid.NewGuid();
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return message;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxUpdateAttempts)
            {
                // Another caller changed the message after it was read here; the next attempt reads its version.
            }
        }
    }

    public Task<Message?> GetById(Guid id, CancellationToken cancellationToken) =>
        context.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Message>> List(
        MessageFilter filter,
        MessageCursor? after,
        int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var query = context.Messages.AsNoTracking();
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

    private async Task UpsertConversation(Message message, CancellationToken cancellationToken)
    {
        var rows = await context.Database.ExecuteSqlRawAsync(
            ConversationUpsertSql.For(context.Database), [message.Id], cancellationToken);
        if (rows != 1)
        {
            // The message was inserted a moment ago in this transaction; anything else means the statement is wrong,
            // and committing would leave the message out of its conversation for good.
            throw new InvalidOperationException($"The conversation upsert for message {message.Id} changed {rows} rows, not 1.");
        }
    }

    // The database's current version, also when this context already tracks the message (e.g. just after inserting
    // it): a tracked copy may be older than a concurrent caller's write.
    private async Task<Message?> ReadCurrent(string waSid, CancellationToken cancellationToken)
    {
        var tracked = context.Messages.Local.FirstOrDefault(m => m.WaSid == waSid);
        if (tracked is not null)
        {
            var entry = context.Entry(tracked);
            await entry.ReloadAsync(cancellationToken);
            if (entry.State != EntityState.Detached)
            {
                return tracked;
            }
        }

        return await context.Messages.SingleOrDefaultAsync(m => m.WaSid == waSid, cancellationToken);
    }
}
