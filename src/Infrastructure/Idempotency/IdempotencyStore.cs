using Messaging.Application.Common.Idempotency;
using Messaging.Application.Common.Interfaces;
using Messaging.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Idempotency;

internal sealed class IdempotencyStore(
    MessagingDbContext context,
    TimeProvider timeProvider,
    IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    // An expired record is deleted and the insert tried again; a second round only happens when another request
    // replaced the same expired record in between, and a third never changes the answer.
    private const int ClaimAttempts = 3;

    private DbSet<IdempotencyRecord> Records => context.Set<IdempotencyRecord>();

    public async Task<IdempotencyClaim> TryClaim(string owner, string key, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);

        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            var record = new IdempotencyRecord(Guid.CreateVersion7(now), owner, key, fingerprint, now);
            if (await TryInsert(record, cancellationToken))
            {
                return IdempotencyClaim.Claimed(record.Id);
            }

            var existing = await Records.AsNoTracking().SingleOrDefaultAsync(r => r.Owner == owner && r.Key == key, cancellationToken);
            if (existing is null)
            {
                // Deleted between our insert and this read (purged or released): the key is free again.
                continue;
            }

            if (existing.CreatedAt <= now - options.Value.Retention)
            {
                await Records.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            return Answer(existing, fingerprint);
        }

        return IdempotencyClaim.InFlight;
    }

    public async Task Complete(Guid claimId, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = timeProvider.GetUtcNow();
        await Records
            .Where(r => r.Id == claimId && r.State == IdempotencyRecordState.InFlight)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(r => r.State, IdempotencyRecordState.Completed)
                    .SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.ResponseStatusCode, response.StatusCode)
                    .SetProperty(r => r.ResponseContentType, response.ContentType)
                    .SetProperty(r => r.ResponseLocation, response.Location)
                    .SetProperty(r => r.ResponseBody, response.Body),
                cancellationToken);
    }

    public Task Release(Guid claimId, CancellationToken cancellationToken) =>
        Records.Where(r => r.Id == claimId && r.State == IdempotencyRecordState.InFlight).ExecuteDeleteAsync(cancellationToken);

    public Task<int> PurgeExpired(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        return Records.Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static IdempotencyClaim Answer(IdempotencyRecord existing, string fingerprint)
    {
        if (!string.Equals(existing.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return IdempotencyClaim.FingerprintMismatch;
        }

        if (existing.State == IdempotencyRecordState.InFlight)
        {
            return IdempotencyClaim.InFlight;
        }

        return IdempotencyClaim.Completed(new StoredResponse(
            existing.ResponseStatusCode ?? throw new InvalidOperationException("A completed idempotency record has no status."),
            existing.ResponseContentType,
            existing.ResponseLocation,
            existing.ResponseBody ?? string.Empty));
    }

    private async Task<bool> TryInsert(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        // No look-up first: the unique index on (Owner, Key) is the only guard that holds under concurrency.
        Records.Add(record);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.IsUniqueViolation(exception))
        {
            return false;
        }
        finally
        {
            // The request's context also saves the message; the record must never ride along with that save.
            context.Entry(record).State = EntityState.Detached;
        }
    }
}
