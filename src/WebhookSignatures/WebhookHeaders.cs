namespace Messaging.WebhookSignatures;

/// <summary>The headers every webhook delivery carries.</summary>
public static class WebhookHeaders
{
    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>; see <see cref="WebhookSignature"/>.</summary>
    public const string Signature = "Messaging-Signature";

    /// <summary>The event's id, the same as the body's <c>id</c>: the same event delivered again carries the same id.</summary>
    public const string EventId = "Messaging-Event-Id";

    /// <summary>The event's type, the same as the body's <c>type</c>.</summary>
    public const string EventType = "Messaging-Event-Type";
}
