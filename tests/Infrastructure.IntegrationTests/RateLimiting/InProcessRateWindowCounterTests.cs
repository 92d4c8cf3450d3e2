using Messaging.Infrastructure.RateLimiting;

namespace Messaging.Infrastructure.IntegrationTests.RateLimiting;

/// <summary>SQLite's send windows, kept in the process: the same fixed windows as the database's.</summary>
public sealed class InProcessRateWindowCounterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 20, TimeSpan.Zero);

    [Test]
    public async Task A_key_gets_its_limit_per_window_alone_and_is_told_when_its_window_ends()
    {
        var clock = new FakeTimeProvider(Start);
        var counter = new InProcessRateWindowCounter(clock);

        var taken = new List<bool>();
        foreach (var partition in new[] { "billing", "billing", "billing", "support" })
        {
            taken.Add((await counter.TryTake(partition, 2, Window, CancellationToken.None)).Taken);
        }

        var refused = await counter.TryTake("billing", 2, Window, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(40));
        var nextWindow = await counter.TryTake("billing", 2, Window, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.EqualTo(new[] { true, true, false, true }));
            Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(40)), "The window started at 12:00:00 ends at 12:01:00.");
            Assert.That(nextWindow.Taken, Is.True, "12:01:00 starts a window of its own.");
        });
    }

    [Test]
    public async Task Concurrent_requests_never_get_more_than_the_limit()
    {
        var counter = new InProcessRateWindowCounter(new FakeTimeProvider(Start));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => counter.TryTake("billing", 25, Window, CancellationToken.None))));

        Assert.That(decisions.Count(d => d.Taken), Is.EqualTo(25));
    }
}
