namespace Messaging.Application.Webhooks;

/// <summary>Outgoing webhooks: the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Whether subscriptions may use http:// URLs (default false: https only). For development and tests on one
    /// machine; refused in Production.
    /// </summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Whether subscriptions may point at loopback, private and link-local addresses (default false). For development and
    /// tests on one machine; refused in Production.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The most subscriptions that may exist at once, disabled ones included (default 20).</summary>
    public int MaxSubscriptions { get; set; } = 20;

    /// <summary>How long the service keeps retrying a delivery after its first attempt before it gives up and disables the subscription (default 24 h).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest a retry waits after the first failure; the wait doubles with each failure (default 5 s).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest any retry waits (default 1 h).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an attempt may take, connection included, before it counts as failed (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the delivering instance looks for new events and due retries when idle (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the instance that delivers holds that role without renewing it (default 30 s): when it stops, another
    /// instance takes over after at most this long. At least three attempt timeouts.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many attempts run at once (default 8), each to a different conversation or subscription.</summary>
    public int MaxConcurrentAttempts { get; set; } = 8;
}
