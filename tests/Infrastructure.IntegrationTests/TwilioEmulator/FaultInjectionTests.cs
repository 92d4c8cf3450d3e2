using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class FaultInjectionTests : EmulatorFixture
{
    private const string Customer = "whatsapp:+14155550123";

    private protected override void Configure(TwilioEmulatorOptions options) => options.EnforceCustomerServiceWindow = false;

    [Test]
    public async Task Too_many_requests_answers_429_with_20429_and_creates_nothing()
    {
        Server.InjectFault(TwilioFault.TooManyRequests(TimeSpan.FromSeconds(3)));

        var refused = await Assert.ThrowsAsync<ApiException>(() => SendAsync("first"));
        var sent = await SendAsync("second");

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Status, Is.EqualTo(429));
            Assert.That(refused.Code, Is.EqualTo(20429));
            Assert.That(refused.MoreInfo, Is.EqualTo("https://www.twilio.com/docs/errors/20429"));
            Assert.That(Server.CreateMessageRequests, Is.EqualTo(2));
            Assert.That(Server.MessagesCreated, Is.EqualTo(1));
            Assert.That(Server.Messages.Single().Sid, Is.EqualTo(sent.Sid));
            Assert.That(Server.Messages.Single().Body, Is.EqualTo("second"));
        });
    }

    [Test]
    public async Task Too_many_requests_carries_Retry_After_in_whole_seconds_and_Twilio_error_json()
    {
        Server.InjectFault(TwilioFault.TooManyRequests(TimeSpan.FromMilliseconds(2500)));

        using var response = await PostRawAsync("Hi");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(json.RootElement.GetProperty("code").GetInt32(), Is.EqualTo(20429));
            Assert.That(json.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(429));
            Assert.That(json.RootElement.GetProperty("message").GetString(), Is.EqualTo("Too Many Requests"));
            Assert.That(Server.MessagesCreated, Is.Zero);
        });
    }

    [TestCase(500, 20500)]
    [TestCase(503, 20503)]
    public async Task A_server_error_creates_nothing_and_the_next_create_goes_through(int status, int code)
    {
        Server.InjectFault(TwilioFault.Error(status));

        var failed = await Assert.ThrowsAsync<ApiException>(() => SendAsync("first"));
        await SendAsync("second");

        Assert.Multiple(() =>
        {
            Assert.That(failed!.Status, Is.EqualTo(status));
            Assert.That(failed.Code, Is.EqualTo(code));
            Assert.That(Server.MessagesCreated, Is.EqualTo(1));
            Assert.That(Server.Messages.Single().Body, Is.EqualTo("second"));
        });
    }

    [Test]
    public async Task A_delayed_answer_comes_after_the_message_exists_and_its_callbacks_ran()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await EmulatorClient.StartOnClockAsync(clock, o => o.EnforceCustomerServiceWindow = false);
        using var sdk = emulator.Sdk();
        emulator.Server.InjectFault(TwilioFault.Delay(TimeSpan.FromMinutes(10)));

        var create = SendAsync(sdk, "Hello");
        await Receiver.WaitForAsync(3);
        var answeredBeforeTheDelay = create.IsCompleted;
        for (var i = 0; i < 100 && !create.IsCompleted; i++)
        {
            // The answer's wait is registered on the clock just after the create; step until it has run out.
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(create, Task.Delay(20));
        }

        var answer = await create;
        Assert.Multiple(() =>
        {
            Assert.That(answeredBeforeTheDelay, Is.False);
            Assert.That(answer.Status, Is.EqualTo(MessageResource.StatusEnum.Queued));
            Assert.That(answer.Sid, Is.EqualTo(emulator.Server.Messages.Single().Sid));
            Assert.That(Receiver.Requests.Select(r => r.Field("MessageSid")), Has.All.EqualTo(answer.Sid));
            Assert.That(emulator.Server.MessagesCreated, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_connection_dropped_before_processing_leaves_nothing_behind()
    {
        Server.InjectFault(TwilioFault.DropBeforeProcessing());

        var dropped = await Assert.ThrowsAsync<ApiConnectionException>(() => SendAsync("first"));
        await SendAsync("second", statusCallback: null);

        Assert.Multiple(() =>
        {
            Assert.That(dropped!.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(Server.CreateMessageRequests, Is.EqualTo(2));
            Assert.That(Server.MessagesCreated, Is.EqualTo(1));
            Assert.That(Server.Messages.Single().Body, Is.EqualTo("second"));
            Assert.That(Receiver.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_connection_dropped_after_processing_leaves_a_sent_message_the_client_never_heard_of()
    {
        Server.InjectFault(TwilioFault.DropAfterProcessing());

        var dropped = await Assert.ThrowsAsync<ApiConnectionException>(() => SendAsync("Hello"));

        var callbacks = await Receiver.WaitForAsync(3);
        var created = Server.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(dropped!.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(Server.MessagesCreated, Is.EqualTo(1));
            Assert.That(created.Body, Is.EqualTo("Hello"));
            Assert.That(callbacks.Select(c => c.Field("MessageStatus")), Is.EqualTo((string[])["sent", "delivered", "read"]));
            Assert.That(callbacks.Select(c => c.Field("MessageSid")), Has.All.EqualTo(created.Sid));
        });
    }

    [Test]
    public async Task A_hanging_create_has_sent_the_message_and_never_answers_until_the_client_gives_up()
    {
        Server.InjectFault(TwilioFault.Hang());

        var create = SendAsync("Hello");
        await Receiver.WaitForAsync(3);
        var answeredBeforeGivingUp = create.IsCompleted;
        await Sdk.GiveUpAsync();

        var unknown = await Assert.ThrowsAsync<ApiConnectionException>(() => create);
        Assert.Multiple(() =>
        {
            Assert.That(answeredBeforeGivingUp, Is.False);
            Assert.That(unknown!.InnerException, Is.InstanceOf<OperationCanceledException>());
            Assert.That(Server.MessagesCreated, Is.EqualTo(1));
            Assert.That(Receiver.Requests.Select(r => r.Field("MessageSid")), Has.All.EqualTo(Server.Messages.Single().Sid));
        });
    }

    [Test]
    public async Task Stopping_the_emulator_ends_a_hanging_create()
    {
        var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();
        emulator.Server.InjectFault(TwilioFault.Hang());
        var create = SendAsync(sdk, "Hello", statusCallback: null);
        await Eventually.TrueAsync(() => emulator.Server.MessagesCreated == 1, "the message created");

        var stopping = emulator.DisposeAsync().AsTask();

        Assert.That(async () => await create, Throws.InstanceOf<ApiConnectionException>());
        Assert.That(await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(stopping), "The emulator did not stop.");
    }

    [Test]
    public async Task Queued_faults_hit_the_next_creates_in_order_and_then_creates_succeed()
    {
        Server.InjectFault(TwilioFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        Server.InjectFault(TwilioFault.Error(503), count: 2);

        var first = await Assert.ThrowsAsync<ApiException>(() => SendAsync("1", statusCallback: null));
        var second = await Assert.ThrowsAsync<ApiException>(() => SendAsync("2", statusCallback: null));
        var third = await Assert.ThrowsAsync<ApiException>(() => SendAsync("3", statusCallback: null));
        await SendAsync("4", statusCallback: null);

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first!.Status, second!.Status, third!.Status }, Is.EqualTo(new[] { 429, 503, 503 }));
            Assert.That(Server.PendingFaults, Is.Empty);
            Assert.That(Server.Messages.Select(m => m.Body), Is.EqualTo((string[])["4"]));
        });
    }

    [Test]
    public async Task A_fault_for_message_creates_lets_other_requests_through()
    {
        var sid = (await SendAsync("Hello", statusCallback: null)).Sid;
        Server.InjectFault(TwilioFault.Error(503));

        var fetched = await MessageResource.FetchAsync(sid, client: Sdk.Rest);
        var listed = await MessageResource.ReadAsync(new ReadMessageOptions(), Sdk.Rest);
        var failed = await Assert.ThrowsAsync<ApiException>(() => SendAsync("again", statusCallback: null));

        Assert.Multiple(() =>
        {
            Assert.That(fetched.Sid, Is.EqualTo(sid));
            Assert.That(listed.Select(m => m.Sid), Is.EqualTo((string[])[sid]));
            Assert.That(failed!.Status, Is.EqualTo(503));
        });
    }

    [Test]
    public async Task A_fault_for_any_request_hits_the_next_request_whatever_it_is()
    {
        var sid = (await SendAsync("Hello", statusCallback: null)).Sid;
        Server.InjectFault(TwilioFault.Error(500), target: TwilioFaultTarget.AnyRequest);

        var failed = await Assert.ThrowsAsync<ApiException>(() => MessageResource.FetchAsync(sid, client: Sdk.Rest));
        var fetched = await MessageResource.FetchAsync(sid, client: Sdk.Rest);

        Assert.Multiple(() =>
        {
            Assert.That(failed!.Status, Is.EqualTo(500));
            Assert.That(fetched.Sid, Is.EqualTo(sid));
        });
    }

    [Test]
    public async Task Clearing_drops_every_pending_fault()
    {
        Server.InjectFault(TwilioFault.Hang(), count: 3);

        Server.ClearFaults();
        var sent = await SendAsync("Hello", statusCallback: null);

        Assert.Multiple(() =>
        {
            Assert.That(Server.PendingFaults, Is.Empty);
            Assert.That(sent.Sid, Is.EqualTo(Server.Messages.Single().Sid));
        });
    }

    [Test]
    public void Fail_next_requests_with_replaces_pending_faults_with_errors_for_any_request()
    {
        Server.InjectFault(TwilioFault.Hang());

        Server.FailNextRequestsWith(503, count: 2);

        Assert.That(
            Server.PendingFaults,
            Is.EqualTo(Enumerable.Repeat(new PendingFault(TwilioFault.Error(503), TwilioFaultTarget.AnyRequest), 2)));
    }

    [Test]
    public async Task Concurrent_creates_through_every_kind_of_fault_never_create_two_messages_for_one_request()
    {
        TwilioFault[] faults =
        [
            TwilioFault.TooManyRequests(TimeSpan.Zero), TwilioFault.Error(500), TwilioFault.Error(503),
            TwilioFault.DropBeforeProcessing(), TwilioFault.DropAfterProcessing(), TwilioFault.Delay(TimeSpan.FromMilliseconds(50)),
        ];
        foreach (var fault in faults)
        {
            Server.InjectFault(fault, count: 3);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            try
            {
                await SendAsync($"message {i}", statusCallback: null);
                return true;
            }
            catch (TwilioException)
            {
                return false;
            }
        }));

        var bodies = Server.Messages.Select(m => m.Body).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Server.CreateMessageRequests, Is.EqualTo(30));
            // 3 dropped after processing and 3 delayed were created, as were the 12 creates no fault reached.
            Assert.That(Server.MessagesCreated, Is.EqualTo(18));
            Assert.That(outcomes.Count(ok => ok), Is.EqualTo(15));
            Assert.That(bodies, Is.Unique);
        });
    }

    private Task<MessageResource> SendAsync(string body) => SendAsync(Sdk, body, Receiver.Url("status"));

    private Task<MessageResource> SendAsync(string body, Uri? statusCallback) => SendAsync(Sdk, body, statusCallback);

    private Task<MessageResource> SendAsync(SdkClient sdk, string body) => SendAsync(sdk, body, Receiver.Url("status"));

    private static Task<MessageResource> SendAsync(SdkClient sdk, string body, Uri? statusCallback) =>
        MessageResource.CreateAsync(
            new CreateMessageOptions(new PhoneNumber(Customer))
            {
                From = new PhoneNumber(EmulatorClient.Sender),
                Body = body,
                StatusCallback = statusCallback,
            },
            sdk.Rest);

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent([new("To", Customer), new("From", EmulatorClient.Sender), new("Body", body)]),
        };
        request.Headers.Authorization = Emulator.Auth;
        return await Emulator.Http.SendAsync(request);
    }
}
