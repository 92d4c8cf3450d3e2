namespace Messaging.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: waiting for its first attempt, its next retry, or an earlier event of its conversation.</summary>
    Pending,

    /// <summary>The receiver answered an attempt with a 2xx status.</summary>
    Succeeded,

    /// <summary>Every attempt failed until the service gave up.</summary>
    Failed,
}
