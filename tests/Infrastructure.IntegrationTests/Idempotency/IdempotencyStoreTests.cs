using Messaging.Infrastructure.Idempotency;

namespace Messaging.Infrastructure.IntegrationTests.Idempotency;

public sealed class IdempotencyStoreTests(string provider) : ProviderFixture(provider)
{
    private const string Owner = "dashboard";
    private const string Key = "4f1c2a9e-order-1234";
    private const string Fingerprint = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string OtherFingerprint = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static readonly StoredResponse Created = new(201, "application/json; charset=utf-8", "http://localhost/api/messages/1", """{"id":"1"}""");

    private IdempotencyTestDatabase _database = null!;

    [SetUp]
    public async Task SetUp() => _database = await IdempotencyTestDatabase.CreateAsync(Provider);

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    [CancelAfter(30_000)]
    public async Task Concurrent_claims_of_one_key_are_won_by_exactly_one_caller(CancellationToken cancellationToken)
    {
        const int callers = 32;
        var claims = await Race.InScopesAsync(
            Enumerable.Range(0, callers).Select(_ => _database.CreateScope()).ToList(),
            (services, _) => services.GetRequiredService<IIdempotencyStore>().TryClaim(Owner, Key, Fingerprint, cancellationToken),
            cancellationToken);
        var outcomes = claims.Select(c => c.Outcome).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o == IdempotencyClaimOutcome.Claimed), Is.EqualTo(1));
            Assert.That(outcomes.Count(o => o == IdempotencyClaimOutcome.InFlight), Is.EqualTo(callers - 1));
        });
        Assert.That(await _database.CountRecords(), Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_that_differ_only_in_case_are_different_keys()
    {
        var lower = await Claim(Fingerprint, key: "order-abc");
        var upper = await Claim(OtherFingerprint, key: "ORDER-ABC");
        var lowerAgain = await Claim(Fingerprint, key: "order-abc");

        Assert.Multiple(() =>
        {
            Assert.That(lower.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
            Assert.That(upper.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
            Assert.That(lowerAgain.Outcome, Is.EqualTo(IdempotencyClaimOutcome.InFlight));
        });
        Assert.That(await _database.CountRecords(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_completed_key_answers_with_the_recorded_response()
    {
        var claim = await Claim(Fingerprint);
        await InScope(store => store.Complete(claim.ClaimId!.Value, Created, CancellationToken.None));

        var again = await Claim(Fingerprint);

        Assert.That(again.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Completed));
        Assert.That(again.Response, Is.EqualTo(Created));
    }

    [Test]
    public async Task A_key_used_for_another_payload_is_a_mismatch_whether_in_flight_or_completed()
    {
        var claim = await Claim(Fingerprint);
        var whileInFlight = await Claim(OtherFingerprint);
        await InScope(store => store.Complete(claim.ClaimId!.Value, Created, CancellationToken.None));
        var afterCompletion = await Claim(OtherFingerprint);

        Assert.Multiple(() =>
        {
            Assert.That(whileInFlight.Outcome, Is.EqualTo(IdempotencyClaimOutcome.FingerprintMismatch));
            Assert.That(afterCompletion.Outcome, Is.EqualTo(IdempotencyClaimOutcome.FingerprintMismatch));
            Assert.That(afterCompletion.Response, Is.Null);
        });
    }

    [Test]
    public async Task Keys_of_different_api_keys_never_collide()
    {
        var first = await Claim(Fingerprint, owner: "dashboard");
        var second = await Claim(OtherFingerprint, owner: "billing");

        Assert.That(first.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
        Assert.That(second.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
        Assert.That(await _database.CountRecords(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_released_key_can_be_claimed_again_even_for_another_payload()
    {
        var claim = await Claim(Fingerprint);
        await InScope(store => store.Release(claim.ClaimId!.Value, CancellationToken.None));

        var again = await Claim(OtherFingerprint);

        Assert.That(again.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
        Assert.That(await _database.CountRecords(), Is.EqualTo(1));
    }

    [Test]
    public async Task Releasing_never_removes_a_completed_outcome()
    {
        var claim = await Claim(Fingerprint);
        await InScope(store => store.Complete(claim.ClaimId!.Value, Created, CancellationToken.None));
        await InScope(store => store.Release(claim.ClaimId!.Value, CancellationToken.None));

        var again = await Claim(Fingerprint);

        Assert.That(again.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Completed));
    }

    [Test]
    public async Task A_key_is_kept_for_24_hours_and_free_again_after()
    {
        var claim = await Claim(Fingerprint);
        await InScope(store => store.Complete(claim.ClaimId!.Value, Created, CancellationToken.None));

        _database.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var justBefore = await Claim(OtherFingerprint);
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await Claim(OtherFingerprint);

        Assert.Multiple(() =>
        {
            Assert.That(justBefore.Outcome, Is.EqualTo(IdempotencyClaimOutcome.FingerprintMismatch));
            Assert.That(atExpiry.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
        });
        Assert.That(await _database.CountRecords(), Is.EqualTo(1));
    }

    [Test]
    public async Task Purging_deletes_only_expired_keys()
    {
        await Claim(Fingerprint, key: "old");
        _database.Clock.Advance(TimeSpan.FromHours(12));
        await Claim(Fingerprint, key: "recent");
        _database.Clock.Advance(TimeSpan.FromHours(12));

        var purged = 0;
        await InScope(async store => purged = await store.PurgeExpired(CancellationToken.None));

        Assert.That(purged, Is.EqualTo(1));
        Assert.That((await Claim(Fingerprint, key: "recent")).Outcome, Is.EqualTo(IdempotencyClaimOutcome.InFlight));
        Assert.That(await _database.CountRecords(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_claim_leaves_nothing_tracked_for_the_requests_own_save()
    {
        await using var scope = _database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IIdempotencyStore>();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();

        await store.TryClaim(Owner, Key, Fingerprint, CancellationToken.None);
        await store.TryClaim(Owner, Key, Fingerprint, CancellationToken.None);

        Assert.That(context.ChangeTracker.Entries(), Is.Empty);
    }

    private async Task<IdempotencyClaim> Claim(string fingerprint, string owner = Owner, string key = Key)
    {
        await using var scope = _database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().TryClaim(owner, key, fingerprint, CancellationToken.None);
    }

    private async Task InScope(Func<IIdempotencyStore, Task> action)
    {
        await using var scope = _database.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<IIdempotencyStore>());
    }
}
