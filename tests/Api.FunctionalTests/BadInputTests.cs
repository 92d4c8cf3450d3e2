using System.Net.Http.Headers;
using System.Text;
using Messaging.Application.Common.Models;

namespace Messaging.Api.FunctionalTests;

/// <summary>Every kind of bad request gets a problem response, leaves the database as it was and never reaches Twilio.</summary>
public sealed class BadInputTests() : ApiFixture(AppSharing.PerFixture)
{
    private const string ValidTemplate = "HXb5b62575e6e4ff6129ad7c8efe1f983e";
    private const string ValidSend = """{"to": "+14155550123", "body": "must not be sent"}""";

    public static IEnumerable<TestCaseData> BadRequests()
    {
        static TestCaseData Post(string name, string json, HttpStatusCode expected = HttpStatusCode.BadRequest, string contentType = "application/json") =>
            Case(name, HttpMethod.Post, "/api/messages", json, contentType, expected);
        static TestCaseData Get(string name, string path, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
            Case(name, HttpMethod.Get, path, null, null, expected);
        static TestCaseData Case(
            string name, HttpMethod method, string path, string? json, string? contentType, HttpStatusCode expected,
            string? apiKey = TestApiKeys.Full, params string[] headers) =>
            new TestCaseData(method, path, json, contentType, expected, apiKey, headers).SetArgDisplayNames(name);
        static TestCaseData Send(string name, HttpStatusCode expected, string? apiKey, params string[] headers) =>
            Case(name, HttpMethod.Post, "/api/messages", ValidSend, "application/json", expected, apiKey, headers);

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

        // Authentication and scopes: a valid send that must not go out.
        yield return Send("send without a key", HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("list without a key", HttpMethod.Get, "/api/messages", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("get without a key", HttpMethod.Get, $"/api/messages/{Guid.NewGuid()}", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("unknown path without a key", HttpMethod.Get, "/api/anything", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Send("send with an unknown key", HttpStatusCode.Unauthorized, apiKey: "not-a-configured-key");
        yield return Case("list with an unknown key", HttpMethod.Get, "/api/messages", null, null, HttpStatusCode.Unauthorized, apiKey: "not-a-configured-key");
        yield return Send("send with an empty key", HttpStatusCode.Unauthorized, apiKey: string.Empty);
        yield return Send("send with a 10,000 character key", HttpStatusCode.Unauthorized, apiKey: new string('k', 10_000));
        yield return Send("send with a wrong bearer token", HttpStatusCode.Unauthorized, null, "Authorization: Bearer not-a-configured-key");
        yield return Send("send with basic credentials", HttpStatusCode.Unauthorized, null, "Authorization: Basic dGVzdHM6c2VjcmV0");
        yield return Send("send with two different keys", HttpStatusCode.Unauthorized, TestApiKeys.Full, $"Authorization: Bearer {TestApiKeys.Other}");
        yield return Send("send with a read-only key", HttpStatusCode.Forbidden, TestApiKeys.ReadOnly);

        // Idempotency-Key.
        yield return Send("blank idempotency key", HttpStatusCode.BadRequest, TestApiKeys.Full, "Idempotency-Key:    ");
        yield return Send("idempotency key of 256 characters", HttpStatusCode.BadRequest, TestApiKeys.Full, $"Idempotency-Key: {new string('i', 256)}");
        yield return Send("two idempotency keys", HttpStatusCode.BadRequest, TestApiKeys.Full, "Idempotency-Key: one", "Idempotency-Key: two");
        yield return Send("idempotency key with a tab", HttpStatusCode.BadRequest, TestApiKeys.Full, "Idempotency-Key: a\tb");
        yield return Case("idempotency key on an invalid send", HttpMethod.Post, "/api/messages", """{"to": "bob", "body": "x"}""", "application/json", HttpStatusCode.BadRequest, TestApiKeys.Full, "Idempotency-Key: invalid-send");

        // Sizes and shapes.
        yield return Post("body over 64 KiB", $$"""{"to": "+14155550123", "body": "{{new string('a', 70_000)}}"}""", HttpStatusCode.RequestEntityTooLarge);
        yield return Post("JSON null", "null");
        yield return Post("JSON nested 100 deep", $$"""{"to": "+14155550123", "body": "x", "contentVariables": {{string.Concat(Enumerable.Repeat("[", 100))}}{{string.Concat(Enumerable.Repeat("]", 100))}}}""");
        yield return Post("XML body", "<to>+14155550123</to>", HttpStatusCode.UnsupportedMediaType, "application/xml");
        yield return Post("to as an array", """{"to": ["+14155550123"], "body": "x"}""");
        yield return Post("body as a number", """{"to": "+14155550123", "body": 5}""");
        yield return Post("to of 10,000 digits", $$"""{"to": "+{{new string('1', 10_000)}}", "body": "x"}""");
        yield return Post("to with a zero-width space", "{\"to\": \"+1415555\u200B0123\", \"body\": \"x\"}");
        yield return Post("to with a newline", "{\"to\": \"+1415555\\n0123\", \"body\": \"x\"}");
        yield return Post("javascript media URL", """{"to": "+14155550123", "mediaUrls": ["javascript:alert(1)"]}""");
        yield return Post("ftp media URL", """{"to": "+14155550123", "mediaUrls": ["ftp://example.com/a.png"]}""");
        yield return Post("null media URL", """{"to": "+14155550123", "mediaUrls": [null]}""");
        yield return Post("template variables as an array", $$"""{"to": "+14155550123", "contentSid": "{{ValidTemplate}}", "contentVariables": ["Ana"]}""");
        yield return Get("cursor of 10,000 characters", $"/api/messages?cursor={new string('A', 10_000)}");
        yield return Get("contact with a control character", "/api/messages?contact=%2B1415555%070123");
        yield return Get("limit in exponent form", "/api/messages?limit=1e3");
        yield return Get("id with a bad hex digit", "/api/messages/00000000-0000-0000-0000-00000000000g");
        yield return Get("id with an encoded path", "/api/messages/..%2F..%2Fetc%2Fpasswd");
        yield return Case("PUT on the collection", HttpMethod.Put, "/api/messages", ValidSend, "application/json", HttpStatusCode.MethodNotAllowed);
        yield return Case("DELETE of a message", HttpMethod.Delete, $"/api/messages/{Guid.NewGuid()}", null, null, HttpStatusCode.MethodNotAllowed);
        yield return Case(
            "unsigned inbound webhook", HttpMethod.Post, "/api/webhooks/twilio/inbound",
            "MessageSid=SM0123456789abcdef0123456789abcdef&From=whatsapp%3A%2B14155550123&To=whatsapp%3A%2B14155238886&Body=hi",
            "application/x-www-form-urlencoded", HttpStatusCode.Forbidden, apiKey: null);
        yield return Case(
            "status webhook with a forged signature", HttpMethod.Post, "/api/webhooks/twilio/status",
            "MessageSid=SM0123456789abcdef0123456789abcdef&MessageStatus=read",
            "application/x-www-form-urlencoded", HttpStatusCode.Forbidden, null, "X-Twilio-Signature: RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        yield return Case("conversations without a key", HttpMethod.Get, "/api/conversations", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("media without a key", HttpMethod.Get, $"/api/messages/{Guid.NewGuid()}/media/0", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Get("media of an unknown message", $"/api/messages/{Guid.NewGuid()}/media/0", HttpStatusCode.NotFound);
        yield return Get("media of an id that is not a GUID", "/api/messages/42/media/0");

        // Found by a security review; each must be refused and change nothing.
        yield return Case("event stream without a key", HttpMethod.Get, "/api/events", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("event stream with a send-only key", HttpMethod.Get, "/api/events", null, null, HttpStatusCode.Forbidden, TestApiKeys.SendOnly);
        yield return Case("conversations with a send-only key", HttpMethod.Get, "/api/conversations", null, null, HttpStatusCode.Forbidden, TestApiKeys.SendOnly);
        yield return Case("media with a send-only key", HttpMethod.Get, $"/api/messages/{Guid.NewGuid()}/media/0", null, null, HttpStatusCode.Forbidden, TestApiKeys.SendOnly);
        yield return Case("a forged log line in the path, without a key", HttpMethod.Get, "/api/x%0Ainfo:%20Fake", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("a forged log line in a webhook path", HttpMethod.Post, "/api/webhooks/twilio/inbound%0Ainfo:%20Fake", "MessageSid=SM1", "application/x-www-form-urlencoded", HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case(
            "unsigned inbound for another account", HttpMethod.Post, "/api/webhooks/twilio/inbound",
            "MessageSid=SM0123456789abcdef0123456789abcdef&AccountSid=AC99999999999999999999999999999999&From=whatsapp%3A%2B14155550123&To=whatsapp%3A%2B14155238886&Body=hi",
            "application/x-www-form-urlencoded", HttpStatusCode.Forbidden, apiKey: null);

        // Bodies that are not what they say, and answers for clients that ask for something other than JSON.
        yield return Post("odd-length body said to be UTF-16", ValidSend, contentType: "application/json; charset=utf-16");
        yield return Post("to given twice", """{"to": "+19995550001", "body": "x", "to": "+14155550123"}""");
        yield return Post("template variable given twice", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "a", "1": "b", "2": "c"}}""");
        yield return Post("body with a NUL", """{"to": "+14155550123", "body": "a \u0000 b"}""");
        yield return Post("body with an escape character", """{"to": "+14155550123", "body": "\u001b[31mred"}""");
        yield return Post("template variable with a NUL", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "a\u0000", "2": "c"}}""");
        yield return Case("unknown id, asking for XML", HttpMethod.Get, $"/api/messages/{Guid.NewGuid()}", null, null, HttpStatusCode.NotFound, TestApiKeys.Full, "Accept: application/xml");
        yield return Case("limit zero, asking for HTML", HttpMethod.Get, "/api/messages?limit=0", null, null, HttpStatusCode.BadRequest, TestApiKeys.Full, "Accept: text/html");
        yield return Case("invalid send, asking for HTML", HttpMethod.Post, "/api/messages", """{"to": "bob", "body": "x"}""", "application/json", HttpStatusCode.BadRequest, TestApiKeys.Full, "Accept: text/html");
        yield return Case("PUT on the collection, asking for HTML", HttpMethod.Put, "/api/messages", ValidSend, "application/json", HttpStatusCode.MethodNotAllowed, TestApiKeys.Full, "Accept: text/html");
        yield return Case("unknown path, asking for HTML", HttpMethod.Get, "/api/nothing", null, null, HttpStatusCode.NotFound, TestApiKeys.Full, "Accept: text/html");
        yield return Case("OpenAPI document that does not exist", HttpMethod.Get, "/openapi/v2.json", null, null, HttpStatusCode.NotFound, TestApiKeys.Full);
        yield return Case("no key, asking for HTML", HttpMethod.Get, "/api/messages", null, null, HttpStatusCode.Unauthorized, null, "Accept: text/html");
        yield return Case("metrics with a read key, asking for OpenMetrics", HttpMethod.Get, "/metrics", null, null, HttpStatusCode.Forbidden, TestApiKeys.ReadOnly, "Accept: application/openmetrics-text");
        yield return Case("media index of 5, asking for an image", HttpMethod.Get, $"/api/messages/{Guid.NewGuid()}/media/5", null, null, HttpStatusCode.NotFound, TestApiKeys.Full, "Accept: image/avif,image/webp,image/*;q=0.8");

        // Templates: sends the account's catalogue refuses before Twilio, and bad list parameters.
        yield return Post("unknown template", """{"to": "+14155550123", "contentSid": "HX00000000000000000000000000000000"}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("template waiting for approval", """{"to": "+14155550123", "contentSid": "HXf883ef45928d11a96c57958e647f8079", "contentVariables": {"1": "a", "2": "b", "3": "c"}}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("template not yet submitted", """{"to": "+14155550123", "contentSid": "HXf93bc1fdf9ec76ba30a528fac609d9cc", "contentVariables": {"1": "a", "2": "b"}}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("rejected template", """{"to": "+14155550123", "contentSid": "HXbce84e031adc4d7beb2d1e6404810e51", "contentVariables": {"1": "a", "2": "b"}}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("template without its variables", $$"""{"to": "+14155550123", "contentSid": "{{ValidTemplate}}"}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("template missing a variable", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "Ana"}}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("template with a variable it does not have", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "Ana", "2": "12/1", "3": "x"}}""", HttpStatusCode.UnprocessableEntity);
        yield return Post("template variable that is empty", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "", "2": "12/1"}}""");
        yield return Post("template variable with a line break", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "Ana\nSmith", "2": "12/1"}}""");
        yield return Post("template variable with a tab", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "Ana\tSmith", "2": "12/1"}}""");
        yield return Post("template variable with five spaces in a row", $$$"""{"to": "+14155550123", "contentSid": "{{{ValidTemplate}}}", "contentVariables": {"1": "Ana     Smith", "2": "12/1"}}""");
        yield return Get("templates, limit zero", "/api/templates?limit=0");
        yield return Get("templates, limit over 200", "/api/templates?limit=201");
        yield return Get("templates, limit not a number", "/api/templates?limit=ten");
        yield return Get("templates, forged cursor", "/api/templates?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        yield return Get("templates, cursor of the conversation list", "/api/templates?cursor=" + new ConversationCursor(DateTimeOffset.UnixEpoch, "whatsapp:+14155550123").Encode());
        yield return Get("templates, cursor of 10,000 characters", $"/api/templates?cursor={new string('A', 10_000)}");
        yield return Get("templates, status with punctuation", "/api/templates?status=approved%27%20OR%201=1");
        yield return Get("templates, language with a space", "/api/templates?language=en%20US");
        yield return Get("templates, name with a control character", "/api/templates?name=order%07");
        yield return Get("templates, name of 101 characters", $"/api/templates?name={new string('n', 101)}");
        yield return Get("templates, refresh that is not a boolean", "/api/templates?refresh=maybe");
        yield return Case("templates without a key", HttpMethod.Get, "/api/templates", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("templates with a send-only key", HttpMethod.Get, "/api/templates", null, null, HttpStatusCode.Forbidden, TestApiKeys.SendOnly);
        yield return Case("POST to the templates", HttpMethod.Post, "/api/templates", "{}", "application/json", HttpStatusCode.MethodNotAllowed);

        // Contact lookup: a number as typed.
        yield return Get("lookup without a number", "/api/contacts/lookup");
        yield return Get("lookup of an empty number", "/api/contacts/lookup?number=");
        yield return Get("lookup of a name", "/api/contacts/lookup?number=bob");
        yield return Get("lookup of a vanity number", "/api/contacts/lookup?number=1-800-FLOWERS");
        yield return Get("lookup of two digits", "/api/contacts/lookup?number=12");
        yield return Get("lookup of a national number without a default region", "/api/contacts/lookup?number=%28415%29%20555-0123");
        yield return Get("lookup of a country code nobody uses", "/api/contacts/lookup?number=%2B999%201234%205678");
        yield return Get("lookup of a freephone number", "/api/contacts/lookup?number=%2B80012345678");
        yield return Get("lookup of 300 digits", $"/api/contacts/lookup?number={new string('1', 300)}");
        yield return Get("lookup with a control character", "/api/contacts/lookup?number=%2B1415555%070123");
        yield return Get("lookup with a zero-width space", "/api/contacts/lookup?number=%2B1415555%E2%80%8B0123");
        yield return Get("lookup with another scheme", "/api/contacts/lookup?number=sms:%2B14155550123");
        yield return Case("lookup without a key", HttpMethod.Get, "/api/contacts/lookup?number=%2B14155550123", null, null, HttpStatusCode.Unauthorized, apiKey: null);
        yield return Case("lookup with an unknown key", HttpMethod.Get, "/api/contacts/lookup?number=%2B14155550123", null, null, HttpStatusCode.Unauthorized, apiKey: "not-a-configured-key");
        yield return Case("POST to the lookup", HttpMethod.Post, "/api/contacts/lookup?number=%2B14155550123", "{}", "application/json", HttpStatusCode.MethodNotAllowed);
    }

    protected override async Task SeedAsync()
    {
        using var response = await Client.PostMessage(new { to = "+14155550123", body = "already here" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Bad_input_gets_a_problem_response_and_changes_nothing(
        HttpMethod method, string path, string? body, string? contentType, HttpStatusCode expected, string? apiKey, string[] headers)
    {
        var storedBefore = await Factory.StoredMessageCount();
        var keysBefore = await Factory.StoredIdempotencyKeyCount();
        var twilioCallsBefore = Factory.Emulator().CreateMessageRequests;
        using var client = Factory.CreateClient(apiKey);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            // Sent as the case names it, a charset included, whatever the bytes are.
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        foreach (var header in headers)
        {
            var separator = header.IndexOf(':', StringComparison.Ordinal);
            // "Name: value", with the one space after the colon not part of the value.
            request.Headers.TryAddWithoutValidation(header[..separator], header[(separator + 2)..]);
        }

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
            Assert.That(text, Does.Contain("\"status\":" + (int)expected));
            Assert.That(text, Does.Not.Contain("Messaging."), "problems must not reveal internal type names");
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        });
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.That(problem["title"]?.GetValue<string>(), Is.Not.Empty, text);
        if (problem["detail"]?.GetValue<string>() is { } detail && detail.Contains("'errors'", StringComparison.Ordinal))
        {
            Assert.That(problem["errors"]?.AsObject(), Is.Not.Empty, "a problem that points to 'errors' carries them");
        }

        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(storedBefore));
        Assert.That(await Factory.StoredIdempotencyKeyCount(), Is.EqualTo(keysBefore));
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(twilioCallsBefore));
    }

    [Test]
    public async Task Validation_problems_name_each_failing_field()
    {
        using var response = await Client.PostMessage(new
        {
            to = "nobody",
            body = new string('a', 1601),
            mediaUrls = new[] { "http://example.com/a.png" },
        });

        var errors = (await response.ReadJsonObject())["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.SupersetOf(new[] { "To", "Body" }));
        Assert.That(errors.Any(e => e.Key.StartsWith("MediaUrls", StringComparison.Ordinal)), Is.True);
    }

    [TestCase("application/xml")]
    [TestCase("text/html")]
    [TestCase("image/avif,image/webp,image/*;q=0.8")]
    public async Task A_problem_reads_the_same_whatever_the_client_accepts(string accept)
    {
        var unknown = $"/api/messages/{Guid.NewGuid()}";
        const string InvalidSend = """{"to": "bob", "body": "x"}""";

        var notFound = await ProblemAsked(HttpMethod.Get, unknown, null, "application/json");
        var notFoundOther = await ProblemAsked(HttpMethod.Get, unknown, null, accept);
        var invalid = await ProblemAsked(HttpMethod.Post, "/api/messages", InvalidSend, "application/json");
        var invalidOther = await ProblemAsked(HttpMethod.Post, "/api/messages", InvalidSend, accept);

        Assert.Multiple(() =>
        {
            Assert.That(notFoundOther, Is.EqualTo(notFound));
            Assert.That(invalidOther, Is.EqualTo(invalid));
            Assert.That(notFound, Does.Contain("\"detail\":"));
            Assert.That(invalid, Does.Contain("\"errors\":{\"To\":"));
        });
    }

    /// <summary>The problem's JSON without its trace id, which differs from one request to the next.</summary>
    private async Task<string> ProblemAsked(HttpMethod method, string path, string? json, string accept)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await Client.SendAsync(request);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }
}
