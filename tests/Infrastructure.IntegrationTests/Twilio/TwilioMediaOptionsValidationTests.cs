namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioMediaOptionsValidationTests
{
    [TestCase("https://mms.twiliocdn.com")]
    [TestCase("mms.twiliocdn.com:443")]
    [TestCase("10.0.0.5")]
    [TestCase("mms.twiliocdn.com/media")]
    [TestCase(" ")]
    public Task A_cdn_host_that_is_not_a_host_name_fails_at_start(string host) =>
        TwilioServices.AssertStartFailsAsync(
            new Dictionary<string, string?> { ["Twilio:MediaCdnHosts:0"] = host }, Does.Contain("Twilio:MediaCdnHosts"));

    [TestCase("0")]
    [TestCase("-5")]
    public Task A_media_cap_that_is_not_positive_fails_at_start(string maxBytes) =>
        TwilioServices.AssertSettingFailsAtStartAsync("Twilio:MaxMediaBytes", maxBytes);

    [Test]
    public async Task Host_names_start_and_the_media_client_resolves()
    {
        using var built = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:MediaCdnHosts:0"] = "mms.twiliocdn.com",
            ["Twilio:MediaCdnHosts:1"] = "media.example.com",
            ["Twilio:MaxMediaBytes"] = "1048576",
        });

        Assert.That(async () => await built.StartAsync(), Throws.Nothing);
        Assert.That(built.Services.GetRequiredService<ITwilioMediaClient>(), Is.Not.Null);
        await built.StopAsync();
    }
}
