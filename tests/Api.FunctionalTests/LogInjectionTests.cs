using Microsoft.Extensions.Logging;

namespace Messaging.Api.FunctionalTests;

/// <summary>Nothing a client sends can write a line of its own into the logs, with a key or without one.</summary>
public sealed class LogInjectionTests : ApiFixture
{
    [TestCase("/api/x%0Ainfo:%20Messaging.Api%5B0%5D%20Fake", null, HttpStatusCode.Unauthorized)]
    [TestCase("/api/x%0D%0Awarn:%20Fake", null, HttpStatusCode.Unauthorized)]
    [TestCase("/api/messages/%E2%80%A8Fake", TestApiKeys.Full, HttpStatusCode.BadRequest)]
    [TestCase("/api/x%1B%5B31mFake", TestApiKeys.Full, HttpStatusCode.NotFound)]
    public async Task A_path_with_line_breaks_or_control_characters_is_logged_escaped_on_one_line(string path, string? apiKey, HttpStatusCode expected)
    {
        using var client = Factory.CreateClient(apiKey);
        var collector = Factory.Services.GetFakeLogCollector();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(expected));

        var line = await collector.WaitForAsync(r => r.Message.Contains("answered", StringComparison.Ordinal) && r.Message.Contains("Fake", StringComparison.Ordinal));
        var everything = collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(line.Message, Does.Match(@"\\(n|r|u2028|u001b)"));
            Assert.That(everything, Has.None.Match("[\r\n\u2028\u001b]"));
        });
    }
}
