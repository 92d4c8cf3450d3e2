namespace Messaging.Api.RateLimiting;

/// <summary>The <c>RateLimiting:Send</c> configuration section: sends allowed per API key per window.</summary>
public sealed class SendRateLimitOptions
{
    public const string SectionName = "RateLimiting:Send";

    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}
