namespace Messaging.Infrastructure.Idempotency;

/// <summary>
/// Remembers, per API key, which idempotency keys have been used, for which request and with what outcome, so that a
/// retried request is answered from the record instead of being carried out again.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="owner"/> for a request with <paramref name="fingerprint"/>.
    /// Exactly one of any number of concurrent callers gets <see cref="IdempotencyClaimOutcome.Claimed"/>; the others
    /// learn what the record holds. A record older than the retention period counts as absent.
    /// </summary>
    Task<IdempotencyClaim> TryClaim(string owner, string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a claimed request, so that retries replay it.</summary>
    Task Complete(Guid claimId, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Gives a claimed key back, for a request that did nothing, so that the client may retry it.</summary>
    Task Release(Guid claimId, CancellationToken cancellationToken);

    /// <summary>Deletes records older than the retention period; returns how many.</summary>
    Task<int> PurgeExpired(CancellationToken cancellationToken);
}
