using Messaging.Domain.Webhooks;

namespace Messaging.Application.Common.Interfaces;

/// <summary>Webhook subscriptions and their deliveries.</summary>
public interface IWebhookSubscriptionRepository
{
    /// <summary>Stores <paramref name="subscription"/> unless <paramref name="limit"/> subscriptions exist already; returns whether it did.</summary>
    Task<bool> AddWithin(WebhookSubscription subscription, int limit, CancellationToken cancellationToken);

    /// <summary>Every subscription, oldest first.</summary>
    Task<IReadOnlyList<WebhookSubscription>> List(CancellationToken cancellationToken);

    Task<WebhookSubscription?> Find(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored subscription and stores the result, read and written in one unit
    /// of work so that no other change to it lands in between; returns it as stored, or null when there is none.
    /// </summary>
    Task<WebhookSubscription?> Update(Guid id, Action<WebhookSubscription> change, CancellationToken cancellationToken);

    /// <summary>Deletes the subscription and its deliveries; returns whether it existed.</summary>
    Task<bool> Remove(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> of the subscription's deliveries, newest event first, of events before
    /// <paramref name="beforePosition"/> when given.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveries(Guid subscriptionId, long? beforePosition, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the delivery pending and due at <paramref name="now"/>, its give-up time counted afresh; returns whether the
    /// subscription has such a delivery.
    /// </summary>
    Task<bool> Redeliver(Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken);
}
