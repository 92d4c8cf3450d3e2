using System.Net;
using System.Text;
using Messaging.Application.Common.Models;

namespace Messaging.Api.FunctionalTests;

/// <summary>Every kind of bad request gets a problem response, leaves the database as it was and never reaches Twilio.</summary>
public sealed class BadInputTests
{
    private const string ValidTemplate = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    private MessagingApiFactory _factory = null!;
    private HttpClient _client = null!;

    public static IEnumerable<TestCaseData> BadRequests()
    {
        static TestCaseData Post(string name, string json, HttpStatusCode expected = HttpStatusCode.BadRequest, string contentType = "application/json") =>
            new TestCaseData(HttpMethod.Post, "/api/messages", json, contentType, expected).SetArgDisplayNames(name);
        static TestCaseData Get(string name, string path, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
            new TestCaseData(HttpMethod.Get, path, null, null, expected).SetArgDisplayNames(name);

        yield return Post("malformed JSON", "{\"to\": ");
        yield return Post("JSON array instead of object", "[]");
        yield return Post("empty body", string.Empty);
        yield return Post("number for to", """{"to": 14155550123, "body": "x"}""");
        yield return Post("missing to", """{"body": "x"}""");
        yield return Post("to without plus", """{"to": "14155550123", "body": "x"}""");
        yield return Post("to with letters", """{"to": "+1415555abcd", "body": "x"}""");
        yield return Post("to with another scheme", """{"to": "sms:+14155550123", "body": "x"}""");
        yield return Post("to with a control character", "{\"to\": \"+1415555\\u00070123\", \"body\": \"x\"}");
        yield return Post("no content", """{"to": "+14155550123"}""");
        yield return Post("blank body", """{"to": "+14155550123", "body": "   "}""");
        yield return Post("body of 1,601 characters", $$"""{"to": "+14155550123", "body": "{{new string('a', 1601)}}"}""");
        yield return Post("two media URLs", """{"to": "+14155550123", "mediaUrls": ["https://example.com/a.png", "https://example.com/b.png"]}""");
        yield return Post("http media URL", """{"to": "+14155550123", "mediaUrls": ["http://example.com/a.png"]}""");
        yield return Post("relative media URL", """{"to": "+14155550123", "mediaUrls": ["/a.png"]}""");
        yield return Post("media URL of 2,049 characters", $$"""{"to": "+14155550123", "mediaUrls": ["https://example.com/{{new string('a', 2049 - 20)}}"]}""");
        yield return Post("body and template", $$"""{"to": "+14155550123", "body": "x", "contentSid": "{{ValidTemplate}}"}""");
        yield return Post("template sid of the wrong shape", """{"to": "+14155550123", "contentSid": "HX123"}""");
        yield return Post("template variables that are not strings", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": 5}}""");
        yield return Post("template variables without a template", """{"to": "+14155550123", "body": "x", "contentVariables": {"1": "a"}}""");
        yield return Post("media URLs of the wrong type", """{"to": "+14155550123", "mediaUrls": "https://example.com/a.png"}""");
        yield return Post("plain text body", "to=+14155550123", HttpStatusCode.UnsupportedMediaType, "text/plain");
        yield return Get("limit zero", "/api/messages?limit=0");
        yield return Get("limit over 200", "/api/messages?limit=201");
        yield return Get("negative limit", "/api/messages?limit=-1");
        yield return Get("limit not a number", "/api/messages?limit=ten");
        yield return Get("limit beyond int", "/api/messages?limit=99999999999");
        yield return Get("unknown direction", "/api/messages?direction=sideways");
        yield return Get("numeric direction", "/api/messages?direction=1");
        yield return Get("unknown status", "/api/messages?status=lost");
        yield return Get("forged cursor", "/api/messages?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        yield return Get("cursor that is not base64", "/api/messages?cursor=!!!");
        yield return Get("contact that is not an address", "/api/messages?contact=bob");
        yield return Get("id that is not a GUID", "/api/messages/42");
        yield return Get("conversations, limit zero", "/api/conversations?limit=0");
        yield return Get("conversations, limit over 200", "/api/conversations?limit=201");
        yield return Get("conversations, limit not a number", "/api/conversations?limit=ten");
        yield return Get("conversations, forged cursor", "/api/conversations?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        yield return Get(
            "conversations, cursor of the message list",
            "/api/conversations?cursor=" + new MessageCursor(DateTimeOffset.UnixEpoch, Guid.CreateVersion7()).Encode());
        yield return Get("unknown id", $"/api/messages/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [OneTimeSetUp]
    public async Task StartWithOneMessage()
    {
        _factory = new MessagingApiFactory();
        _client = _factory.CreateClient();
        using var response = await _client.PostMessage(new { to = "+14155550123", body = "already here" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Bad_input_gets_a_problem_response_and_changes_nothing(
        HttpMethod method, string path, string? body, string? contentType, HttpStatusCode expected)
    {
        var storedBefore = await _factory.StoredMessageCount();
        var twilioCallsBefore = _factory.Emulator().CreateMessageRequests;
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        using var response = await _client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
            Assert.That(text, Does.Contain("\"status\":" + (int)expected));
            Assert.That(text, Does.Not.Contain("Messaging."), "problems must not reveal internal type names");
        });
        Assert.That(await _factory.StoredMessageCount(), Is.EqualTo(storedBefore));
        Assert.That(_factory.Emulator().CreateMessageRequests, Is.EqualTo(twilioCallsBefore));
    }

    [Test]
    public async Task Validation_problems_name_each_failing_field()
    {
        using var response = await _client.PostMessage(new
        {
            to = "nobody",
            body = new string('a', 1601),
            mediaUrls = new[] { "http://example.com/a.png" },
        });

        var errors = (await response.ReadJsonObject())["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.SupersetOf(new[] { "To", "Body" }));
        Assert.That(errors.Any(e => e.Key.StartsWith("MediaUrls", StringComparison.Ordinal)), Is.True);
    }
}
