namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioResilienceOptionsValidationTests
{
    [TestCase("AttemptTimeoutSeconds", "0", "AttemptTimeoutSeconds")]
    [TestCase("TotalTimeoutSeconds", "10", "TotalTimeoutSeconds")]
    [TestCase("MaxRetryAttempts", "-1", "MaxRetryAttempts")]
    [TestCase("MaxRetryAttempts", "11", "MaxRetryAttempts")]
    [TestCase("RetryDelayMilliseconds", "-1", "RetryDelayMilliseconds")]
    [TestCase("MaxRetryAfterSeconds", "30", "MaxRetryAfterSeconds")]
    public async Task A_setting_out_of_range_fails_at_start_naming_it(string key, string value, string named)
    {
        using var built = TwilioServices.BuildHost(new Dictionary<string, string?> { [$"Twilio:Resilience:{key}"] = value });

        // One validation failure, or several gathered in an AggregateException: either stops the start.
        var failure = await Assert.CatchAsync(() => built.StartAsync());

        Assert.That(failure, Is.InstanceOf<OptionsValidationException>().Or.InstanceOf<AggregateException>());
        Assert.That(failure!.Message, Does.Contain($"Twilio:Resilience:{named}"));
    }

    [Test]
    public Task The_defaults_start() => TwilioServices.AssertStartsAsync(new Dictionary<string, string?>());
}
