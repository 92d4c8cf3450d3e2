using Messaging.Application.Events;
using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>The dispatcher's reads and writes: deliveries created from the outbox, due, attempted.</summary>
internal sealed class WebhookDeliveryStore(MessagingDbContext context, DatabaseWriter writer)
{
    /// <summary>Whether any subscription is active: when none is, there is nothing to fan out or attempt.</summary>
    public Task<bool> AnyActiveSubscription(CancellationToken cancellationToken) =>
        WriteRoute.ReadContext(context).WebhookSubscriptions.AsNoTracking()
            .AnyAsync(s => s.Status == WebhookSubscriptionStatus.Active, cancellationToken);

    /// <summary>
    /// Turns up to <paramref name="batchSize"/> events after the cursor into deliveries, one per subscription that wants
    /// each, and moves the cursor past them, in one unit of work. Returns how many events it read: none when there were
    /// none, or when another instance moved the cursor first.
    /// </summary>
    public async Task<int> FanOut(int batchSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Most rounds find nothing new: two reads by key answer that without queueing a unit for the writer.
        var reader = WriteRoute.ReadContext(context);
        var read = await reader.WebhookCursors.AsNoTracking()
            .Where(c => c.Id == WebhookCursor.RowId).Select(c => c.Position).SingleAsync(cancellationToken);
        if (!await reader.OutboxEvents.AsNoTracking().AnyAsync(e => e.Position > read, cancellationToken))
        {
            return 0;
        }

        return await WriteRoute.Write(
            context,
            writer,
            async (db, token) =>
            {
                var cursor = await db.WebhookCursors.AsNoTracking()
                    .Where(c => c.Id == WebhookCursor.RowId).Select(c => c.Position).SingleAsync(token);
                var events = await db.OutboxEvents.AsNoTracking()
                    .Where(e => e.Position > cursor)
                    .OrderBy(e => e.Position)
                    .Take(batchSize)
                    .Select(e => new { e.Position, e.Id, e.Type, e.ConversationKey })
                    .ToListAsync(token);
                if (events.Count == 0)
                {
                    return 0;
                }

                // The cursor moves only from where this unit read it: of two instances that both believe they deliver,
                // the second changes nothing and creates nothing.
                var moved = await db.WebhookCursors
                    .Where(c => c.Id == WebhookCursor.RowId && c.Position == cursor)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(c => c.Position, events[^1].Position), token);
                if (moved == 0)
                {
                    return 0;
                }

                // Read after the events: a subscription committed before an event is seen with it.
                var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
                    .Where(s => s.Status == WebhookSubscriptionStatus.Active)
                    .ToListAsync(token);
                var deliveries = (
                    from e in events
                    from s in subscriptions
                    where s.Wants(e.Type, e.Position)
                    select WebhookDelivery.Create(Guid.CreateVersion7(now), s.Id, e.Id, e.Position, e.Type, e.ConversationKey, now)).ToList();
                if (deliveries.Count > 0)
                {
                    db.WebhookDeliveries.AddRange(deliveries);
                    try
                    {
                        await db.SaveChangesAsync(token);
                    }
                    finally
                    {
                        foreach (var delivery in deliveries)
                        {
                            db.Entry(delivery).State = EntityState.Detached;
                        }
                    }
                }

                return events.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> deliveries due at <paramref name="now"/> for active subscriptions, each the earliest
    /// pending one of its conversation for its subscription: a later event waits for the earlier one.
    /// </summary>
    public async Task<IReadOnlyList<DueDelivery>> Due(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(context);
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        return await (
                from d in deliveries
                join s in db.WebhookSubscriptions.AsNoTracking() on d.SubscriptionId equals s.Id
                where d.Status == WebhookDeliveryStatus.Pending
                    && s.Status == WebhookSubscriptionStatus.Active
                    && d.NextAttemptAt <= now
                    && !deliveries.Any(earlier => earlier.SubscriptionId == d.SubscriptionId
                        && earlier.ConversationKey == d.ConversationKey
                        && earlier.Status == WebhookDeliveryStatus.Pending
                        && earlier.EventPosition < d.EventPosition)
                orderby d.NextAttemptAt, d.EventPosition
                select new DueDelivery(d.Id, s.Id, d.EventPosition, d.Attempts, d.FirstAttemptAt))
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Marks the deliveries <paramref name="ids"/> in flight and renews <paramref name="holder"/>'s lease with them, both
    /// until the moment of this unit plus <paramref name="duration"/>, so no other instance can take the lease before
    /// they are due again. Returns that moment, or null when the holder no longer holds the lease or another instance
    /// claimed some of them first: then nothing may be sent.
    /// </summary>
    public Task<DateTimeOffset?> Claim(
        string holder, IReadOnlyCollection<Guid> ids, TimeProvider clock, TimeSpan duration, CancellationToken cancellationToken) =>
        WriteRoute.Write(
            context,
            writer,
            async (db, token) =>
            {
                // Read here, not when the round began: its reads and the writer's queue may have used up much of the lease,
                // and a claim that ended before the lease did would let the next holder send these deliveries again.
                var now = clock.GetUtcNow();
                var until = now + duration;
                var renewed = await db.Leases
                    .Where(l => l.Name == WebhookDispatcher.LeaseName && l.Holder == holder && l.ExpiresAt > now)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(l => l.ExpiresAt, until), token);
                if (renewed == 0)
                {
                    return null;
                }

                var claimed = await db.WebhookDeliveries
                    .Where(d => ids.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)until), token);
                return claimed == ids.Count ? until : (DateTimeOffset?)null;
            },
            cancellationToken);

    /// <summary>The events at <paramref name="positions"/> that the outbox still holds.</summary>
    public async Task<IReadOnlyDictionary<long, StoredEvent>> Events(IReadOnlyCollection<long> positions, CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(context);
        return await db.OutboxEvents.AsNoTracking()
            .Where(e => positions.Contains(e.Position))
            .Select(e => new StoredEvent(e.Id, e.Position, e.Type, e.ConversationKey, e.OccurredAt, e.Data))
            .ToDictionaryAsync(e => e.Position, cancellationToken);
    }

    /// <summary>
    /// The subscriptions <paramref name="ids"/> as stored now, with their secrets: read from the database for every wave,
    /// never kept, so a secret rotated on any instance signs the deliveries claimed after the rotation.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, WebhookSubscription>> Subscriptions(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var db = WriteRoute.ReadContext(context);
        return await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    /// <summary>
    /// Records what <paramref name="attemptsMade"/> requests (none when there was nothing left to send) came to;
    /// <paramref name="nextAttemptAt"/> is null once the delivery succeeded or failed.
    /// </summary>
    public Task Record(
        Guid deliveryId,
        WebhookDeliveryStatus status,
        int attemptsMade,
        DateTimeOffset firstAttemptAt,
        DateTimeOffset attemptedAt,
        DateTimeOffset? nextAttemptAt,
        AttemptResult result,
        CancellationToken cancellationToken) =>
        WriteRoute.Write(
            context,
            writer,
            (db, token) => db.WebhookDeliveries
                .Where(d => d.Id == deliveryId)
                .ExecuteUpdateAsync(
                    // An instance that stalled past its claim records after the next holder sent the same delivery: every
                    // request is counted, but a delivery one of them settled is not reopened or settled again by the other.
                    setters => setters
                        .SetProperty(d => d.Attempts, d => d.Attempts + attemptsMade)
                        .SetProperty(d => d.Status, d => d.Status == WebhookDeliveryStatus.Pending ? status : d.Status)
                        .SetProperty(d => d.NextAttemptAt, d => d.Status == WebhookDeliveryStatus.Pending ? nextAttemptAt : d.NextAttemptAt)
                        .SetProperty(d => d.FirstAttemptAt, d => d.FirstAttemptAt ?? firstAttemptAt)
                        .SetProperty(d => d.LastAttemptAt, attemptedAt)
                        .SetProperty(d => d.LastStatusCode, result.StatusCode)
                        .SetProperty(d => d.LastError, Truncate(result.Error)),
                    token),
            cancellationToken);

    /// <summary>
    /// Disables the subscription if it is still active and its delivery <paramref name="failedDeliveryId"/> has failed
    /// for good; returns whether this call disabled it. A give-up recorded by an instance that stalled while another
    /// settled the same delivery as succeeded disables nothing.
    /// </summary>
    public Task<bool> Disable(Guid subscriptionId, Guid failedDeliveryId, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        WriteRoute.Write(
            context,
            writer,
            async (db, token) => await db.WebhookSubscriptions
                .Where(s => s.Id == subscriptionId
                    && s.Status == WebhookSubscriptionStatus.Active
                    && db.WebhookDeliveries.Any(d => d.Id == failedDeliveryId
                        && d.SubscriptionId == subscriptionId
                        && d.Status == WebhookDeliveryStatus.Failed))
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(s => s.Status, WebhookSubscriptionStatus.Disabled)
                        .SetProperty(s => s.DisabledAt, at)
                        .SetProperty(s => s.DisabledReason, reason.Length > WebhookSubscriptionConfiguration.ReasonLength
                            ? reason[..WebhookSubscriptionConfiguration.ReasonLength]
                            : reason),
                    token) == 1,
            cancellationToken);

    /// <summary>Deletes deliveries created before <paramref name="cutoff"/>, in chunks (<see cref="ChunkedDelete"/>), whichever instance runs it.</summary>
    public Task<int> RemoveCreatedBefore(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ChunkedDelete.Run<WebhookDelivery, DateTimeOffset>(context, writer, d => d.CreatedAt < cutoff, d => d.CreatedAt, cancellationToken);

    private static string? Truncate(string? error) =>
        error is { Length: > WebhookDeliveryConfiguration.ErrorLength } ? error[..WebhookDeliveryConfiguration.ErrorLength] : error;
}
