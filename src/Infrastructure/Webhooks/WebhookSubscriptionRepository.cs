using Messaging.Domain.Webhooks;
using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Webhooks;

internal sealed class WebhookSubscriptionRepository(MessagingDbContext context, DatabaseWriter writer) : IWebhookSubscriptionRepository
{
    public Task<bool> AddWithin(WebhookSubscription subscription, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return WriteRoute.Write(
            context,
            writer,
            async (db, token) =>
            {
                // Counted in the unit that inserts: the writer runs one unit at a time, so two requests cannot both fit.
                if (await db.WebhookSubscriptions.CountAsync(token) >= limit)
                {
                    return false;
                }

                db.WebhookSubscriptions.Add(subscription);
                try
                {
                    await db.SaveChangesAsync(token);
                }
                finally
                {
                    db.Entry(subscription).State = EntityState.Detached;
                }

                return true;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> List(CancellationToken cancellationToken) =>
        await WriteRoute.ReadContext(context).WebhookSubscriptions.AsNoTracking()
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

    public Task<WebhookSubscription?> Find(Guid id, CancellationToken cancellationToken) =>
        WriteRoute.ReadContext(context).WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<WebhookSubscription?> Update(Guid id, Action<WebhookSubscription> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WriteRoute.Write(
            context,
            writer,
            async (db, token) =>
            {
                // Read inside the writer's serializable transaction: two instances changing the same subscription at
                // once cannot both build on what they read; the database aborts one and the writer runs it again.
                var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, token);
                if (subscription is null)
                {
                    return null;
                }

                try
                {
                    change(subscription);
                    await db.SaveChangesAsync(token);
                }
                finally
                {
                    db.Entry(subscription).State = EntityState.Detached;
                }

                return subscription;
            },
            cancellationToken);
    }

    public Task<bool> Remove(Guid id, CancellationToken cancellationToken) =>
        WriteRoute.Write(
            context,
            writer,
            async (db, token) =>
            {
                // Deliveries first: not every database is set to cascade the subscription's delete.
                await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(token);
                return await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(token) == 1;
            },
            cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveries(
        Guid subscriptionId, long? beforePosition, int limit, CancellationToken cancellationToken)
    {
        var deliveries = WriteRoute.ReadContext(context).WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (beforePosition is { } before)
        {
            deliveries = deliveries.Where(d => d.EventPosition < before);
        }

        return await deliveries.OrderByDescending(d => d.EventPosition).Take(limit).ToListAsync(cancellationToken);
    }

    public Task<bool> Redeliver(Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteRoute.Write(
            context,
            writer,
            async (db, token) => await db.WebhookDeliveries
                .Where(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                        .SetProperty(d => d.NextAttemptAt, now)
                        .SetProperty(d => d.FirstAttemptAt, (DateTimeOffset?)null),
                    token) == 1,
            cancellationToken);
}
