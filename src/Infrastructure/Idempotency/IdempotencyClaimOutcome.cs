namespace Messaging.Infrastructure.Idempotency;

public enum IdempotencyClaimOutcome
{
    /// <summary>The key was free and now belongs to this request, which must complete or release it.</summary>
    Claimed,

    /// <summary>Another request with the same key and payload has not finished yet.</summary>
    InFlight,

    /// <summary>A request with the same key and payload has finished; its response is to be replayed.</summary>
    Completed,

    /// <summary>The key was used for a different payload.</summary>
    FingerprintMismatch,
}
