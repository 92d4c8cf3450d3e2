using Messaging.Infrastructure.Webhooks;

namespace Messaging.Infrastructure.IntegrationTests.Webhooks;

/// <summary>The webhook lease on a real database, taken by two instances of the service with their own writers.</summary>
public sealed class DatabaseLeaseTests(string provider) : DatabaseFixture(provider)
{
    internal static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_holder_keeps_the_lease_while_it_renews_and_another_instance_takes_it_only_once_it_has_expired()
    {
        await using var first = Database.CreateInstance();
        await using var second = Database.CreateInstance();

        Assert.That(await TryHold(first, "first", Start), Is.True, "Nobody held it.");
        Assert.That(await TryHold(second, "second", Start + TimeSpan.FromSeconds(1)), Is.False, "The first holds it.");
        Assert.That(await TryHold(first, "first", Start + TimeSpan.FromSeconds(20)), Is.True, "The holder renews it.");
        Assert.That(await TryHold(second, "second", Start + TimeSpan.FromSeconds(45)), Is.False, "Renewed until 50 s.");
        Assert.That(await TryHold(second, "second", Start + TimeSpan.FromSeconds(51)), Is.True, "Expired at 50 s.");
        Assert.That(await TryHold(first, "first", Start + TimeSpan.FromSeconds(52)), Is.False, "The second holds it now.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Of_two_instances_that_ask_at_once_for_an_expired_lease_exactly_one_gets_it(CancellationToken cancellationToken)
    {
        await using var first = Database.CreateInstance();
        await using var second = Database.CreateInstance();

        for (var round = 0; round < 20; round++)
        {
            // Each round starts after the last holder's lease ran out.
            var now = Start + (Duration + TimeSpan.FromSeconds(1)) * round;
            var answers = await Task.WhenAll(TryHold(first, "first", now), TryHold(second, "second", now));

            Assert.That(answers.Count(held => held), Is.EqualTo(1), $"Round {round}: {string.Join(", ", answers)}");
        }
    }

    /// <summary>Asks for the webhook lease for <paramref name="holder"/> at <paramref name="now"/>, for <see cref="Duration"/>.</summary>
    internal static async Task<bool> TryHold(IServiceProvider instance, string holder, DateTimeOffset now)
    {
        await using var scope = instance.CreateAsyncScope();
        var lease = new DatabaseLease(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), instance.GetRequiredService<DatabaseWriter>());
        return await lease.TryHold(WebhookDispatcher.LeaseName, holder, now, Duration, CancellationToken.None);
    }
}
