namespace Messaging.Api.Authorization;

/// <summary>What an API key may do.</summary>
public static class ApiScopes
{
    public const string MessagesSend = "messages:send";

    public const string MessagesRead = "messages:read";

    /// <summary>Reading the service's metrics at <c>/metrics</c>: given to a metrics scraper, not to a client.</summary>
    public const string MetricsRead = "metrics:read";

    /// <summary>Creating, reading and deleting webhook subscriptions, and their deliveries: every event's data goes to them.</summary>
    public const string WebhooksManage = "webhooks:manage";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { MessagesSend, MessagesRead, MetricsRead, WebhooksManage };
}
