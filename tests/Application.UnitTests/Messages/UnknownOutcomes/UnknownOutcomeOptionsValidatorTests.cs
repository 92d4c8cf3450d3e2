using Messaging.Application.Messages.UnknownOutcomes;

namespace Messaging.Application.UnitTests.Messages.UnknownOutcomes;

public sealed class UnknownOutcomeOptionsValidatorTests
{
    [Test]
    public void The_defaults_are_valid()
    {
        Assert.That(new UnknownOutcomeOptionsValidator().Validate(null, new UnknownOutcomeOptions()).Succeeded, Is.True);
    }

    [TestCase(0, 15, 30, 50, "LookUpAfterSeconds")]
    [TestCase(60, 0, 30, 50, "GiveUpAfterMinutes")]
    [TestCase(3600, 60, 30, 50, "GiveUpAfterMinutes")]
    [TestCase(60, 15, 0, 50, "IntervalSeconds")]
    [TestCase(60, 15, 30, 0, "BatchSize")]
    [TestCase(60, 15, 30, 1001, "BatchSize")]
    public void A_setting_out_of_range_is_refused_by_name(int lookUpAfterSeconds, int giveUpAfterMinutes, int intervalSeconds, int batchSize, string named)
    {
        var result = new UnknownOutcomeOptionsValidator().Validate(null, new UnknownOutcomeOptions
        {
            LookUpAfterSeconds = lookUpAfterSeconds,
            GiveUpAfterMinutes = giveUpAfterMinutes,
            IntervalSeconds = intervalSeconds,
            BatchSize = batchSize,
        });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain($"UnknownOutcomes:{named}"));
    }
}
