using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using static Messaging.Infrastructure.IntegrationTests.Twilio.EmulatorHttp;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed partial class TwilioEmulatorHttpTests
{
    private const string To = "whatsapp:+14155550123";
    private const string From = "whatsapp:+14155238886";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 20, 52, 48, TimeSpan.Zero);

    private readonly string _accountSid = "AC" + Guid.NewGuid().ToString("N");
    private readonly string _authToken = Guid.NewGuid().ToString("N");
    private TwilioEmulatorServer _server = null!;
    private HttpClient _http = null!;
    private AuthenticationHeaderValue _auth = null!;

    [SetUp]
    public async Task StartEmulator()
    {
        _server = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions
        {
            AccountSid = _accountSid,
            AuthToken = _authToken,
            TimeProvider = new FakeTimeProvider(Now),
        });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _auth = Basic(_accountSid, _authToken);
    }

    [TearDown]
    public async Task StopEmulator()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public void Listens_on_a_free_loopback_port()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_server.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(_server.BaseAddress.Port, Is.Not.Zero);
        });
    }

    [Test]
    public async Task Create_answers_201_with_Twilio_message_json()
    {
        using var response = await CreateAsync(
            ("To", To),
            ("From", From),
            ("Body", "Hello"),
            ("MediaUrl", "https://example.com/a.png"),
            ("MediaUrl", "https://example.com/b.png"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var json = await JsonAsync(response);
        var sid = json.GetProperty("sid").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(sid, Does.Match(SidPattern()));
            Assert.That(json.GetProperty("account_sid").GetString(), Is.EqualTo(_accountSid));
            Assert.That(json.GetProperty("to").GetString(), Is.EqualTo(To));
            Assert.That(json.GetProperty("from").GetString(), Is.EqualTo(From));
            Assert.That(json.GetProperty("body").GetString(), Is.EqualTo("Hello"));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(json.GetProperty("num_media").GetString(), Is.EqualTo("2"));
            Assert.That(json.GetProperty("num_segments").GetString(), Is.EqualTo("1"));
            Assert.That(json.GetProperty("direction").GetString(), Is.EqualTo("outbound-api"));
            Assert.That(json.GetProperty("api_version").GetString(), Is.EqualTo("2010-04-01"));
            Assert.That(json.GetProperty("date_created").GetString(), Is.EqualTo("Fri, 27 Nov 2026 20:52:48 +0000"));
            Assert.That(json.GetProperty("date_updated").GetString(), Is.EqualTo("Fri, 27 Nov 2026 20:52:48 +0000"));
            Assert.That(json.GetProperty("date_sent").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("error_code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("error_message").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("price").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("price_unit").GetString(), Is.EqualTo("USD"));
            Assert.That(json.GetProperty("messaging_service_sid").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("uri").GetString(), Is.EqualTo($"/2010-04-01/Accounts/{_accountSid}/Messages/{sid}.json"));
            Assert.That(
                json.GetProperty("subresource_uris").GetProperty("media").GetString(),
                Is.EqualTo($"/2010-04-01/Accounts/{_accountSid}/Messages/{sid}/Media.json"));
        });
    }

    [Test]
    public async Task Create_keeps_every_posted_field_on_the_stored_message()
    {
        using var response = await CreateAsync(
            ("To", To),
            ("From", From),
            ("ContentSid", SampleContentTemplates.AppointmentReminder),
            ("ContentVariables", """{"1":"Ana"}"""),
            ("MediaUrl", "https://example.com/a.png"),
            ("StatusCallback", "https://callbacks.example.com/twilio/status"));
        var sid = (await JsonAsync(response)).GetProperty("sid").GetString()!;

        Assert.That(_server.TryGetMessage(sid, out var stored), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.To, Is.EqualTo(To));
            Assert.That(stored.From, Is.EqualTo(From));
            Assert.That(stored.Body, Is.EqualTo("Hi Ana, this is a reminder of your appointment on 12/1 at 3pm. Reply to this message if you need to change it."));
            Assert.That(stored.ContentSid, Is.EqualTo(SampleContentTemplates.AppointmentReminder));
            Assert.That(stored.ContentVariables, Is.EqualTo("""{"1":"Ana"}"""));
            Assert.That(stored.MediaUrls, Is.EqualTo((string[])["https://example.com/a.png"]));
            Assert.That(stored.StatusCallback, Is.EqualTo(new Uri("https://callbacks.example.com/twilio/status")));
            Assert.That(stored.Status, Is.EqualTo("queued"));
            Assert.That(stored.DateCreated, Is.EqualTo(Now));
            Assert.That(_server.Messages.Single().Sid, Is.EqualTo(sid));
        });
    }

    [Test]
    public async Task Fetch_returns_the_created_message()
    {
        using var created = await CreateAsync(("To", To), ("From", From), ("Body", "Hi"));
        var sid = (await JsonAsync(created)).GetProperty("sid").GetString()!;

        using var fetched = await GetAsync(_http, $"/2010-04-01/Accounts/{_accountSid}/Messages/{sid}.json", _auth);

        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await JsonAsync(fetched);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("sid").GetString(), Is.EqualTo(sid));
            Assert.That(json.GetProperty("body").GetString(), Is.EqualTo("Hi"));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task Fetch_of_an_unknown_sid_is_404_with_code_20404()
    {
        var path = $"/2010-04-01/Accounts/{_accountSid}/Messages/SM{Guid.NewGuid():N}.json";

        using var response = await GetAsync(_http, path, _auth);

        await AssertTwilioErrorAsync(response, HttpStatusCode.NotFound, 20404);
        Assert.That((await JsonAsync(response)).GetProperty("message").GetString(), Does.Contain(path));
    }

    [Test]
    public async Task An_unknown_path_is_404_with_code_20404()
    {
        using var response = await GetAsync(_http, $"/2010-04-01/Accounts/{_accountSid}/Calls.json", _auth);

        await AssertTwilioErrorAsync(response, HttpStatusCode.NotFound, 20404);
    }

    [Test]
    public async Task A_wrong_auth_token_is_refused_with_401_and_code_20003()
    {
        using var response = await PostMessageAsync(
            _http, _accountSid, Basic(_accountSid, "wrong-token"), ("To", To), ("From", From), ("Body", "x"));

        await AssertTwilioErrorAsync(response, HttpStatusCode.Unauthorized, 20003);
        Assert.Multiple(async () =>
        {
            Assert.That((await JsonAsync(response)).GetProperty("message").GetString(), Is.EqualTo("Authenticate"));
            Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));
            Assert.That(_server.Messages, Is.Empty);
        });
    }

    [Test]
    public async Task A_request_without_credentials_is_refused_with_401()
    {
        using var response = await PostMessageAsync(_http, _accountSid, null, ("To", To), ("From", From), ("Body", "x"));

        await AssertTwilioErrorAsync(response, HttpStatusCode.Unauthorized, 20003);
    }

    [Test]
    public async Task A_path_naming_another_account_is_refused_with_401()
    {
        var otherAccount = "AC" + Guid.NewGuid().ToString("N");

        using var response = await PostMessageAsync(_http, otherAccount, _auth, ("To", To), ("From", From), ("Body", "x"));

        await AssertTwilioErrorAsync(response, HttpStatusCode.Unauthorized, 20003);
    }

    [TestCase(null, From, "x", 21604)]
    [TestCase(To, null, "x", 21603)]
    [TestCase(To, From, null, 21619)]
    public async Task A_create_missing_a_required_field_is_400_with_Twilio_code(string? to, string? from, string? body, int code)
    {
        var fields = new List<(string, string)>();
        AddIfSet(fields, "To", to);
        AddIfSet(fields, "From", from);
        AddIfSet(fields, "Body", body);

        using var response = await CreateAsync([.. fields]);

        await AssertTwilioErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Test]
    public async Task A_media_only_or_template_only_message_is_accepted()
    {
        using var media = await CreateAsync(("To", To), ("From", From), ("MediaUrl", "https://example.com/a.png"));
        using var template = await CreateAsync(("To", To), ("From", From), ("ContentSid", SampleContentTemplates.AppointmentReminder));

        Assert.Multiple(() =>
        {
            Assert.That(media.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(template.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
    }

    [TestCaseSource(typeof(RefusedTestNumbers), nameof(RefusedTestNumbers.AsNumbers))]
    [TestCaseSource(typeof(RefusedTestNumbers), nameof(RefusedTestNumbers.AsWhatsAppAddresses))]
    public async Task A_documented_test_number_is_refused_with_its_code(string to, int code)
    {
        using var response = await CreateAsync(("To", to), ("From", From), ("Body", "x"));

        await AssertTwilioErrorAsync(response, HttpStatusCode.BadRequest, code);
        Assert.That(_server.Messages, Is.Empty);
    }

    [Test]
    public async Task The_invalid_number_error_names_the_number()
    {
        using var response = await CreateAsync(("To", "+15005550001"), ("From", From), ("Body", "x"));

        Assert.That(
            (await JsonAsync(response)).GetProperty("message").GetString(),
            Is.EqualTo("The 'To' number +15005550001 is not a valid phone number."));
    }

    [Test]
    public async Task Every_create_is_counted_whether_accepted_or_refused()
    {
        using var accepted = await CreateAsync(("To", To), ("From", From), ("Body", "x"));
        using var refused = await CreateAsync(("To", "+15005550001"), ("From", From), ("Body", "x"));
        using var unauthenticated = await PostMessageAsync(_http, _accountSid, null, ("To", To), ("From", From), ("Body", "x"));
        using var fetch = await GetAsync(_http, $"/2010-04-01/Accounts/{_accountSid}/Messages/SM{Guid.NewGuid():N}.json", _auth);

        Assert.Multiple(() =>
        {
            Assert.That(_server.CreateMessageRequests, Is.EqualTo(3));
            Assert.That(_server.Messages, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Concurrent_creates_are_each_counted_and_stored_under_distinct_sids()
    {
        const int Count = 24;
        var responses = await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            CreateAsync(("To", To), ("From", From), ("Body", $"message {i}"))));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(_server.CreateMessageRequests, Is.EqualTo(Count));
            Assert.That(_server.Messages.Select(m => m.Sid).Distinct().Count(), Is.EqualTo(Count));
            Assert.That(_server.Messages.Select(m => m.Body), Is.EquivalentTo(Enumerable.Range(0, Count).Select(i => $"message {i}")));
        });
    }

    [Test]
    public async Task Injected_failures_answer_the_next_requests_with_that_status_then_stop()
    {
        _server.FailNextRequestsWith(503, count: 2);

        using var first = await CreateAsync(("To", To), ("From", From), ("Body", "x"));
        using var second = await CreateAsync(("To", To), ("From", From), ("Body", "x"));
        using var third = await CreateAsync(("To", To), ("From", From), ("Body", "x"));

        await AssertTwilioErrorAsync(first, HttpStatusCode.ServiceUnavailable, 20503);
        await AssertTwilioErrorAsync(second, HttpStatusCode.ServiceUnavailable, 20503);
        Assert.Multiple(() =>
        {
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(_server.CreateMessageRequests, Is.EqualTo(3));
            Assert.That(_server.Messages, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_stopped_emulator_refuses_connections()
    {
        await _server.StopAsync();

        Assert.That(
            async () => await CreateAsync(("To", To), ("From", From), ("Body", "x")),
            Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public void Only_loopback_addresses_are_accepted()
    {
        Assert.That(
            async () => await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions { Url = "http://0.0.0.0:0" }),
            Throws.ArgumentException);
    }

    private static void AddIfSet(List<(string, string)> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add((name, value));
        }
    }

    private static async Task AssertTwilioErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status));
        var json = await JsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("code").GetInt32(), Is.EqualTo(code));
            Assert.That(json.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(json.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(json.GetProperty("more_info").GetString(), Is.EqualTo($"https://www.twilio.com/docs/errors/{code}"));
        });
    }

    [GeneratedRegex("^SM[0-9a-f]{32}$")]
    private static partial Regex SidPattern();

    /// <summary>Creates a message on this test's account with its credentials.</summary>
    private Task<HttpResponseMessage> CreateAsync(params (string Name, string Value)[] fields) =>
        PostMessageAsync(_http, _accountSid, _auth, fields);
}
