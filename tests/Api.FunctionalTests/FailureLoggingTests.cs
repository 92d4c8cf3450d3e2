using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Api.FunctionalTests;

public sealed class FailureLoggingTests
{
    private MessagingApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _factory = new MessagingApiFactory();
        _client = _factory.CreateClient();
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_twilio_outage_is_answered_with_502_and_logged_once_as_a_warning(bool withIdempotencyKey)
    {
        var body = new { to = "+14155550123", body = "Hello" };
        _factory.Emulator().FailNextRequestsWith(503);
        var collector = _factory.Services.GetFakeLogCollector();
        collector.Clear();

        using var response = withIdempotencyKey ? await _client.PostMessage(body, "outage-logged") : await _client.PostMessage(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        await collector.WaitForAsync(r => r.Message.Contains("answered 502", StringComparison.Ordinal));
        var records = collector.GetSnapshot();
        Assert.That(records.Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Category}: {r.Message}"), Is.Empty);
        Assert.That(
            records.Where(r => r.Level == LogLevel.Warning && r.Message.Contains("Twilio", StringComparison.Ordinal)).Select(r => r.Message),
            Has.Exactly(1).Items);
    }
}
