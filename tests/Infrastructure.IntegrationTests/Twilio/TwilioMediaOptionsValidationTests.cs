using Messaging.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioMediaOptionsValidationTests
{
    [TestCase("http://api.twilio.com")]
    [TestCase("http://10.0.0.5:8080")]
    [TestCase("https://api.twilio.com/2010-04-01")]
    [TestCase("https://api.twilio.com/?x=1")]
    [TestCase("https://user:secret@api.twilio.com")]
    public async Task A_media_host_that_is_not_an_https_origin_fails_at_start(string host)
    {
        using var built = TwilioServices.BuildHost(new Dictionary<string, string?> { ["Twilio:MediaHosts:0"] = host });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => built.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:MediaHosts"));
    }

    [TestCase("0")]
    [TestCase("-5")]
    public async Task A_media_cap_that_is_not_positive_fails_at_start(string maxBytes)
    {
        using var built = TwilioServices.BuildHost(new Dictionary<string, string?> { ["Twilio:MaxMediaBytes"] = maxBytes });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => built.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Twilio:MaxMediaBytes"));
    }

    [Test]
    public async Task Https_origins_and_loopback_http_start_and_the_media_client_resolves()
    {
        using var built = TwilioServices.BuildHost(new Dictionary<string, string?>
        {
            ["Twilio:MediaHosts:0"] = "https://api.twilio.com",
            ["Twilio:MediaHosts:1"] = "http://127.0.0.1:5099",
            ["Twilio:MaxMediaBytes"] = "1048576",
        });

        Assert.That(async () => await built.StartAsync(), Throws.Nothing);
        Assert.That(built.Services.GetRequiredService<ITwilioMediaClient>(), Is.Not.Null);
        await built.StopAsync();
    }
}
