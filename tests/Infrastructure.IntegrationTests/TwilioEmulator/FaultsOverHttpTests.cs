using System.Text;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary><c>/emulator/faults</c> and <c>/emulator/stats</c>: what a test drives when the emulator lives in another process.</summary>
public sealed class FaultsOverHttpTests : EmulatorFixture
{
    private static IEnumerable<TestCaseData> Faults()
    {
        yield return Case("""{"fault":"error","status":503}""", TwilioFault.Error(503));
        yield return Case("""{"fault":"tooManyRequests","retryAfterSeconds":7}""", TwilioFault.TooManyRequests(TimeSpan.FromSeconds(7)));
        yield return Case("""{"fault":"tooManyRequests"}""", TwilioFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        yield return Case("""{"fault":"delay","delayMilliseconds":1500}""", TwilioFault.Delay(TimeSpan.FromMilliseconds(1500)));
        yield return Case("""{"fault":"dropBeforeProcessing"}""", TwilioFault.DropBeforeProcessing());
        yield return Case("""{"fault":"dropAfterProcessing"}""", TwilioFault.DropAfterProcessing());
        yield return Case("""{"fault":"hang","target":"messageCreates"}""", TwilioFault.Hang());
        yield return Case("""{"fault":"error","status":500,"count":3,"target":"anyRequest"}""", TwilioFault.Error(500), 3, TwilioFaultTarget.AnyRequest);

        static TestCaseData Case(string json, TwilioFault fault, int count = 1, TwilioFaultTarget target = TwilioFaultTarget.MessageCreates) =>
            new TestCaseData(json, fault, count, target).SetArgDisplayNames(json);
    }

    [TestCaseSource(nameof(Faults))]
    public async Task A_posted_fault_is_queued_as_the_server_api_would_queue_it(string json, TwilioFault expected, int count, TwilioFaultTarget target)
    {
        using var response = await SendAsync(HttpMethod.Post, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Server.PendingFaults, Is.EqualTo(Enumerable.Repeat(new PendingFault(expected, target), count)));
            Assert.That(answer.RootElement.GetProperty("pending").GetArrayLength(), Is.EqualTo(count));
        });
    }

    private protected override void Configure(TwilioEmulatorOptions options) => options.EnforceCustomerServiceWindow = false;

    [Test]
    public async Task A_fault_posted_over_http_hits_the_next_create()
    {
        using var posted = await SendAsync(HttpMethod.Post, """{"fault":"tooManyRequests","retryAfterSeconds":7,"count":2}""");

        using var first = await CreateAsync();
        using var second = await CreateAsync();
        using var third = await CreateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(first.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Emulator.Server.MessagesCreated, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_lists_the_pending_faults_in_order()
    {
        Emulator.Server.InjectFault(TwilioFault.Delay(TimeSpan.FromMilliseconds(250)));
        Emulator.Server.InjectFault(TwilioFault.Error(502), target: TwilioFaultTarget.AnyRequest);

        using var response = await SendAsync(HttpMethod.Get);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var pending = json.RootElement.GetProperty("pending");
        Assert.Multiple(() =>
        {
            Assert.That(pending.GetArrayLength(), Is.EqualTo(2));
            Assert.That(pending[0].GetProperty("fault").GetString(), Is.EqualTo("delay"));
            Assert.That(pending[0].GetProperty("target").GetString(), Is.EqualTo("messageCreates"));
            Assert.That(pending[0].GetProperty("delayMilliseconds").GetDouble(), Is.EqualTo(250));
            Assert.That(pending[1].GetProperty("fault").GetString(), Is.EqualTo("error"));
            Assert.That(pending[1].GetProperty("status").GetInt32(), Is.EqualTo(502));
            Assert.That(pending[1].GetProperty("target").GetString(), Is.EqualTo("anyRequest"));
        });
    }

    [Test]
    public async Task Delete_clears_every_pending_fault()
    {
        Emulator.Server.InjectFault(TwilioFault.Hang(), count: 2);

        using var response = await SendAsync(HttpMethod.Delete);
        using var created = await CreateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Emulator.Server.PendingFaults, Is.Empty);
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
    }

    [Test]
    public async Task Stats_count_create_requests_and_messages_created()
    {
        Emulator.Server.InjectFault(TwilioFault.Error(503));
        using var failed = await CreateAsync();
        using var created = await CreateAsync();

        using var response = await Emulator.Http.GetAsync("emulator/stats");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("createMessageRequests").GetInt32(), Is.EqualTo(2));
            Assert.That(json.RootElement.GetProperty("messagesCreated").GetInt32(), Is.EqualTo(1));
        });
    }

    [TestCase("""{"fault":"explode"}""")]
    [TestCase("""{"status":503}""")]
    [TestCase("""{"fault":"error"}""")]
    [TestCase("""{"fault":"error","status":200}""")]
    [TestCase("""{"fault":"error","status":"503"}""")]
    [TestCase("""{"fault":"delay"}""")]
    [TestCase("""{"fault":"delay","delayMilliseconds":-1}""")]
    [TestCase("""{"fault":"tooManyRequests","retryAfterSeconds":1.5}""")]
    [TestCase("""{"fault":"hang","count":0}""")]
    [TestCase("""{"fault":"hang","count":1001}""")]
    [TestCase("""{"fault":"hang","target":"everything"}""")]
    [TestCase("""["hang"]""")]
    [TestCase("""{"fault":""")]
    public async Task A_bad_fault_is_a_400_problem_and_queues_nothing(string json)
    {
        using var response = await SendAsync(HttpMethod.Post, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(problem.RootElement.GetProperty("detail").GetString(), Is.Not.Empty);
            Assert.That(Emulator.Server.PendingFaults, Is.Empty);
        });
    }

    [Test]
    public async Task A_fault_that_is_not_json_is_a_400_problem()
    {
        using var response = await Emulator.Http.PostAsync(
            "emulator/faults",
            new FormUrlEncodedContent([new("fault", "hang")]));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Emulator.Server.PendingFaults, Is.Empty);
        });
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "emulator/faults")
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await Emulator.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> CreateAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent([new("To", "whatsapp:+14155550123"), new("From", EmulatorClient.Sender), new("Body", "Hi")]),
        };
        request.Headers.Authorization = Emulator.Auth;
        return await Emulator.Http.SendAsync(request);
    }
}
