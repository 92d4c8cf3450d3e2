namespace Messaging.Infrastructure.Webhooks;

/// <summary>
/// A delivery whose attempt is due. Its subscription (URL, secrets) is read separately, once the delivery is claimed, so
/// an attempt signs with the secrets stored just before it is sent.
/// </summary>
internal sealed record DueDelivery(Guid Id, Guid SubscriptionId, long EventPosition, int Attempts, DateTimeOffset? FirstAttemptAt);
