using Messaging.Infrastructure.Webhooks;

namespace Messaging.Infrastructure.IntegrationTests.Webhooks;

public sealed class WebhookBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [TestCase(1, 5)]
    [TestCase(2, 10)]
    [TestCase(3, 20)]
    [TestCase(10, 2560)]
    [TestCase(11, 3600)]
    [TestCase(1000, 3600)]
    public void The_ceiling_doubles_with_each_failure_up_to_the_maximum(int failures, int seconds)
    {
        Assert.That(WebhookBackoff.Ceiling(failures, First, Max), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void The_wait_is_drawn_from_zero_to_the_ceiling()
    {
        var random = new Random(14);
        var waits = Enumerable.Range(0, 1000).Select(_ => WebhookBackoff.Delay(3, First, Max, random).TotalSeconds).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(waits, Has.All.InRange(0.0, 20.0));

            // Full jitter: spread over the whole range, not bunched at its top.
            Assert.That(waits.Min(), Is.LessThan(2.0));
            Assert.That(waits.Max(), Is.GreaterThan(18.0));
        });
    }
}
