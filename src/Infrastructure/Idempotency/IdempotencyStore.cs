using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Idempotency;

internal sealed class IdempotencyStore(
    MessagingDbContext context,
    DatabaseWriter writer,
    TimeProvider timeProvider,
    IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    // An expired record is deleted and the insert tried again; a second round only happens when another process
    // replaced the same expired record in between, and a third never changes the answer.
    private const int ClaimAttempts = 3;

    // Every request with a key starts with this look-up: compiled once.
    private static readonly CompiledQuery<Func<MessagingDbContext, string, string, CancellationToken, Task<IdempotencyRecord?>>> ByOwnerAndKey = new(() =>
        EF.CompileAsyncQuery((MessagingDbContext db, string owner, string key, CancellationToken _) =>
            db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefault(r => r.Owner == owner && r.Key == key)));

    public async Task<IdempotencyClaim> TryClaim(string owner, string key, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);

        // A retry of a request that has an outcome, or is still running, is answered by one read, without queueing for
        // the writer. Only a key that is new (or expired) needs the insert, which stays the guard under concurrency.
        var existing = await Find(WriteRoute.ReadContext(context), owner, key, cancellationToken);
        if (existing is not null && !IsExpired(existing, timeProvider.GetUtcNow()))
        {
            return Answer(existing, fingerprint);
        }

        // Chosen once, outside the unit: when the writer runs the unit again after a commit whose answer was lost, the
        // record it finds is recognised as this claim's own.
        var claimId = Guid.CreateVersion7(timeProvider.GetUtcNow());
        return await WriteRoute.Write(
            context, writer, (db, token) => Claim(db, claimId, owner, key, fingerprint, token), cancellationToken);
    }

    public Task Complete(Guid claimId, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = timeProvider.GetUtcNow();
        return WriteRoute.Write(
            context,
            writer,
            (db, token) => Records(db)
                .Where(r => r.Id == claimId && r.State == IdempotencyRecordState.InFlight)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(r => r.State, IdempotencyRecordState.Completed)
                        .SetProperty(r => r.CompletedAt, now)
                        .SetProperty(r => r.ResponseStatusCode, response.StatusCode)
                        .SetProperty(r => r.ResponseContentType, response.ContentType)
                        .SetProperty(r => r.ResponseLocation, response.Location)
                        .SetProperty(r => r.ResponseBody, response.Body),
                    token),
            cancellationToken);
    }

    public Task Release(Guid claimId, CancellationToken cancellationToken) =>
        WriteRoute.Write(
            context,
            writer,
            (db, token) => Records(db)
                .Where(r => r.Id == claimId && r.State == IdempotencyRecordState.InFlight)
                .ExecuteDeleteAsync(token),
            cancellationToken);

    public Task<int> PurgeExpired(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        return ChunkedDelete.Run<IdempotencyRecord, DateTimeOffset>(
            context, writer, r => r.CreatedAt <= cutoff, r => r.CreatedAt, cancellationToken);
    }

    private static DbSet<IdempotencyRecord> Records(MessagingDbContext db) => db.Set<IdempotencyRecord>();

    private static Task<IdempotencyRecord?> Find(MessagingDbContext db, string owner, string key, CancellationToken cancellationToken) =>
        ByOwnerAndKey.For(db)(db, owner, key, cancellationToken);

    private async Task<IdempotencyClaim> Claim(
        MessagingDbContext db, Guid claimId, string owner, string key, string fingerprint, CancellationToken cancellationToken)
    {
        // The writer runs a unit again when its commit's answer is lost, though the commit may have succeeded: the
        // claim is then already this request's own. One look-up by primary key, only for a key new to the store.
        if (await Records(db).AsNoTracking().AnyAsync(r => r.Id == claimId, cancellationToken))
        {
            return IdempotencyClaim.Claimed(claimId);
        }

        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            var record = new IdempotencyRecord(claimId, owner, key, fingerprint, now);
            if (await TryInsert(db, record, cancellationToken))
            {
                return IdempotencyClaim.Claimed(record.Id);
            }

            var existing = await Find(db, owner, key, cancellationToken);
            if (existing is null)
            {
                // Deleted between our insert and this read (purged or released): the key is free again.
                continue;
            }

            if (IsExpired(existing, now))
            {
                await Records(db).Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            return Answer(existing, fingerprint);
        }

        return IdempotencyClaim.InFlight;
    }

    private bool IsExpired(IdempotencyRecord record, DateTimeOffset now) => record.CreatedAt <= now - options.Value.Retention;

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

    private static async Task<bool> TryInsert(MessagingDbContext db, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        // No look-up first: the unique index on (Owner, Key) is the only guard that holds under concurrency.
        Records(db).Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception, IdempotencyRecordConfiguration.OwnerKeyIndex))
        {
            return false;
        }
        finally
        {
            // The context may save other entities later (the request's message, in a caller's transaction); the record
            // must never ride along with that save.
            db.Entry(record).State = EntityState.Detached;
        }
    }
}
