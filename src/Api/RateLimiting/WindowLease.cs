using System.Threading.RateLimiting;

namespace Messaging.Api.RateLimiting;

/// <summary>A permit of a fixed window, or its refusal with the time until the window ends.</summary>
internal sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter = null) : RateLimitLease
{
    public static readonly WindowLease Acquired = new(true);

    /// <summary>Declined without a reason: the limiter must ask the database first.</summary>
    public static readonly WindowLease Undecided = new(false);

    public override bool IsAcquired => isAcquired;

    public override IEnumerable<string> MetadataNames =>
        retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
