using Messaging.Infrastructure.RateLimiting;

namespace Messaging.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>Send permits counted in a real database, taken by instances of the service with writers of their own.</summary>
public sealed class RateWindowCounterTests(string provider) : DatabaseFixture(provider)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Test]
    public async Task A_partition_gets_its_limit_in_a_window_and_is_told_when_the_window_ends()
    {
        await using var instance = Database.CreateInstance();
        Clock.Advance(TimeSpan.FromSeconds(20));

        var decisions = new List<RateWindowDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await TryTake(instance, Clock, "billing", permitLimit: 3));
        }

        Assert.That(decisions.Select(d => d.Taken), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(decisions[3].RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(40)), "The window started at 12:00:00 ends at 12:01:00.");
    }

    [Test]
    public async Task Each_partition_counts_alone_and_the_next_window_starts_again()
    {
        await using var instance = Database.CreateInstance();
        await TakeAll(instance, Clock, "billing", 2);

        var billingOver = await TryTake(instance, Clock, "billing", 2);
        var support = await TryTake(instance, Clock, "support", 2);
        Clock.Advance(Window);
        var nextWindow = await TakeAll(instance, Clock, "billing", 2);
        var nextWindowOver = await TryTake(instance, Clock, "billing", 2);

        Assert.Multiple(() =>
        {
            Assert.That(billingOver.Taken, Is.False);
            Assert.That(support.Taken, Is.True, "Another key's window is its own.");
            Assert.That(nextWindow, Is.EqualTo(2), "A later window starts at zero.");
            Assert.That(nextWindowOver.Taken, Is.False);
        });
    }

    [Test]
    public async Task A_window_started_by_an_instance_whose_clock_is_ahead_is_counted_on_not_started_again()
    {
        await using var ahead = Database.CreateInstance();
        await using var behind = Database.CreateInstance();
        var aheadClock = new FakeTimeProvider(Start + Window + TimeSpan.FromSeconds(1));
        await TakeAll(ahead, aheadClock, "billing", 2);

        var fromBehind = await TryTake(behind, Clock, "billing", 2);

        Assert.That(fromBehind.Taken, Is.False, "The instance a second behind must not reset the window back to its own.");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Instances_that_take_at_once_never_get_more_than_the_limit_between_them(CancellationToken cancellationToken)
    {
        const int PermitLimit = 5;
        const int PerInstance = 6;
        await using var first = Database.CreateInstance();
        await using var second = Database.CreateInstance();

        // The first round races the two first inserts of the row; the later ones the start of a new window and the count.
        for (var round = 0; round < 10; round++)
        {
            var clock = new FakeTimeProvider(Start + (Window * round));
            var decisions = await Task.WhenAll(Enumerable.Range(0, 2 * PerInstance)
                .Select(i => TryTake(i % 2 == 0 ? first : second, clock, "billing", PermitLimit)));

            Assert.That(decisions.Count(d => d.Taken), Is.EqualTo(PermitLimit), $"Round {round}");
        }
    }

    private static async Task<int> TakeAll(IServiceProvider instance, TimeProvider clock, string partition, int permitLimit)
    {
        var taken = 0;
        for (var i = 0; i < permitLimit; i++)
        {
            taken += (await TryTake(instance, clock, partition, permitLimit)).Taken ? 1 : 0;
        }

        return taken;
    }

    private static async Task<RateWindowDecision> TryTake(IServiceProvider instance, TimeProvider clock, string partition, int permitLimit)
    {
        await using var scope = instance.CreateAsyncScope();
        var counter = new RateWindowCounter(
            scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), instance.GetRequiredService<DatabaseWriter>(), clock);
        return await counter.TryTake(partition, permitLimit, Window, CancellationToken.None);
    }
}
