namespace Messaging.Infrastructure.Idempotency;

/// <summary>
/// The answer to a claim: <see cref="ClaimId"/> identifies a fresh claim (<see cref="IdempotencyClaimOutcome.Claimed"/>),
/// <see cref="Response"/> the recorded outcome (<see cref="IdempotencyClaimOutcome.Completed"/>).
/// </summary>
public sealed record IdempotencyClaim(IdempotencyClaimOutcome Outcome, Guid? ClaimId = null, StoredResponse? Response = null)
{
    public static IdempotencyClaim Claimed(Guid claimId) => new(IdempotencyClaimOutcome.Claimed, ClaimId: claimId);

    public static IdempotencyClaim Completed(StoredResponse response) => new(IdempotencyClaimOutcome.Completed, Response: response);

    public static IdempotencyClaim InFlight { get; } = new(IdempotencyClaimOutcome.InFlight);

    public static IdempotencyClaim FingerprintMismatch { get; } = new(IdempotencyClaimOutcome.FingerprintMismatch);
}
