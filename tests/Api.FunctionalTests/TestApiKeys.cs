namespace Messaging.Api.FunctionalTests;

/// <summary>The API keys the test application is configured with.</summary>
public static class TestApiKeys
{
    /// <summary>Both scopes; every client from <c>CreateClient()</c> sends it.</summary>
    public const string Full = "test-key-send-and-read";

    public const string FullName = "tests";

    public const string ReadOnly = "test-key-read-only";

    public const string ReadOnlyName = "reader";

    /// <summary>A service that only sends notifications and must learn nothing about the conversations.</summary>
    public const string SendOnly = "test-key-send-only";

    public const string SendOnlyName = "notifier";

    /// <summary>A second client with both scopes, to show that limits and idempotency keys are per API key.</summary>
    public const string Other = "test-key-other-client";

    public const string OtherName = "other-client";

    /// <summary>A metrics scraper: may read <c>/metrics</c> and nothing else.</summary>
    public const string Metrics = "test-key-metrics-scraper";

    public const string MetricsName = "scraper";

    /// <summary>A service that manages webhook subscriptions and nothing else.</summary>
    public const string Webhooks = "test-key-webhooks-manager";

    public const string WebhooksName = "webhooks-manager";

    public static IEnumerable<TestApiKey> All { get; } =
    [
        new(FullName, Full, ["messages:send", "messages:read"]),
        new(ReadOnlyName, ReadOnly, ["messages:read"]),
        new(SendOnlyName, SendOnly, ["messages:send"]),
        new(OtherName, Other, ["messages:send", "messages:read"]),
        new(MetricsName, Metrics, ["metrics:read"]),
        new(WebhooksName, Webhooks, ["webhooks:manage"]),
    ];
}
