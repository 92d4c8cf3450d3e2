namespace Messaging.Api.RateLimiting;

public static class RateLimitPolicies
{
    /// <summary>Sends, partitioned by API key: <c>[EnableRateLimiting(RateLimitPolicies.Send)]</c>.</summary>
    public const string Send = "send";
}
