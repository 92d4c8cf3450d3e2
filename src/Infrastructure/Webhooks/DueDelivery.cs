namespace Messaging.Infrastructure.Webhooks;

/// <summary>A delivery whose attempt is due, with what the attempt needs of its subscription.</summary>
internal sealed record DueDelivery(
    Guid Id, Guid SubscriptionId, string Url, string Secret, long EventPosition, int Attempts, DateTimeOffset? FirstAttemptAt);
