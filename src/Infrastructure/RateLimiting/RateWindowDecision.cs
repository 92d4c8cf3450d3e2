namespace Messaging.Infrastructure.RateLimiting;

/// <summary>Whether a permit was taken; when not, how long until the window that refused it ends.</summary>
public sealed record RateWindowDecision(bool Taken, TimeSpan RetryAfter)
{
    public static readonly RateWindowDecision Granted = new(true, TimeSpan.Zero);
}
