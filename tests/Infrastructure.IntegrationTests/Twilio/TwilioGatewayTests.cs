using System.Net.Sockets;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioGatewayTests
{
    private const string Sender = "whatsapp:+15005550006";
    private const string Recipient = "whatsapp:+14155550123";

    private readonly string _accountSid = "AC" + Guid.NewGuid().ToString("N");
    private readonly string _authToken = Guid.NewGuid().ToString("N");
    private TwilioEmulatorServer _emulator = null!;

    [SetUp]
    public async Task StartEmulator() =>
        _emulator = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions { AccountSid = _accountSid, AuthToken = _authToken });

    [TearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Test]
    public async Task Send_creates_the_message_at_Twilio_and_returns_its_sid_and_status()
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();

        var result = await gateway.SendAsync(
            new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hello from support", ["https://example.com/a.png", "https://example.com/b.pdf"], null, null),
            CancellationToken.None);

        Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(1));
        var created = _emulator.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Sid, Is.EqualTo(created.Sid));
            Assert.That(result.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(created.To, Is.EqualTo(Recipient));
            Assert.That(created.From, Is.EqualTo(Sender));
            Assert.That(created.Body, Is.EqualTo("Hello from support"));
            Assert.That(created.MediaUrls, Is.EqualTo((string[])["https://example.com/a.png", "https://example.com/b.pdf"]));
            Assert.That(created.ContentSid, Is.Null);
            Assert.That(created.StatusCallback, Is.Null);
        });
    }

    [Test]
    public async Task Send_of_a_template_passes_its_content_sid_and_variables()
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();

        await gateway.SendAsync(
            new TwilioSendRequest(Guid.NewGuid(), Recipient, null, [], SampleContentTemplates.AppointmentReminder, """{"1":"Ana","2":"12:30"}"""),
            CancellationToken.None);

        var created = _emulator.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(created.ContentSid, Is.EqualTo(SampleContentTemplates.AppointmentReminder));
            Assert.That(created.ContentVariables, Is.EqualTo("""{"1":"Ana","2":"12:30"}"""));
            Assert.That(created.Body, Is.EqualTo("Hi Ana, this is a reminder of your appointment on 12:30. Reply to this message if you need to change it."));
            Assert.That(created.MediaUrls, Is.Empty);
        });
    }

    [Test]
    public async Task Send_asks_for_status_callbacks_under_the_public_base_url()
    {
        await using var services = Services(("Twilio:PublicBaseUrl", "https://support.example.com/messaging/"));
        var messageId = Guid.NewGuid();

        await services.GetRequiredService<ITwilioGateway>()
            .SendAsync(new TwilioSendRequest(messageId, Recipient, "Hi", [], null, null), CancellationToken.None);

        Assert.That(
            _emulator.Messages.Single().StatusCallback,
            Is.EqualTo(new Uri($"https://support.example.com/messaging/api/webhooks/twilio/status?messageId={messageId}")));
    }

    [Test]
    public async Task The_sender_address_is_the_configured_from()
    {
        await using var services = Services();

        Assert.That(services.GetRequiredService<ITwilioGateway>().SenderAddress, Is.EqualTo(Sender));
    }

    [TestCaseSource(typeof(RefusedTestNumbers), nameof(RefusedTestNumbers.AsWhatsAppAddresses))]
    public async Task A_refusal_by_Twilio_surfaces_as_rejected_with_its_code(string to, int code)
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();

        var rejected = await Assert.ThrowsAsync<TwilioRejectedException>(
            () => gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), to, "Hi", [], null, null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(rejected!.TwilioCode, Is.EqualTo(code));
            Assert.That(rejected.HttpStatus, Is.EqualTo(400));
            Assert.That(rejected.MoreInfo, Is.EqualTo($"https://www.twilio.com/docs/errors/{code}"));
            Assert.That(rejected.Message, Is.Not.Empty);
            Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Wrong_credentials_make_Twilio_unavailable_rather_than_rejecting_the_message()
    {
        await using var services = Services(("Twilio:AuthToken", Guid.NewGuid().ToString("N")));
        var gateway = services.GetRequiredService<ITwilioGateway>();

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(_emulator.Messages, Is.Empty);
        });
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task A_failing_Twilio_is_unavailable_and_the_create_is_not_retried(int status)
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();
        _emulator.FailNextRequestsWith(status, count: 5);

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None));

        Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(1));
    }

    [TestCase(503)]
    [TestCase(429)]
    public async Task A_create_Twilio_did_not_process_is_retried_until_the_retries_run_out(int status)
    {
        await using var services = Services(("Twilio:Resilience:RetryDelayMilliseconds", "10"), ("Twilio:Resilience:MaxRetryAttempts", "2"));
        var gateway = services.GetRequiredService<ITwilioGateway>();
        _emulator.FailNextRequestsWith(status, count: 5);

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(3));
            Assert.That(_emulator.Messages, Is.Empty);
        });
    }

    [Test]
    public async Task With_retries_off_a_503_is_not_retried()
    {
        await using var services = Services(("Twilio:Resilience:MaxRetryAttempts", "0"));
        _emulator.FailNextRequestsWith(503);

        await Assert.ThrowsAsync<TwilioUnavailableException>(() => services.GetRequiredService<ITwilioGateway>()
            .SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None));

        Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(1));
    }

    // A reset after processing, or a hang cut by the attempt timeout: Twilio created the message, the client cannot know.
    [TestCase(TwilioFaultKind.DropAfterProcessing)]
    [TestCase(TwilioFaultKind.Hang)]
    public async Task A_create_whose_answer_is_lost_has_an_unknown_outcome_and_is_not_retried(TwilioFaultKind fault)
    {
        await using var services = Services(
            ("Twilio:Resilience:AttemptTimeoutSeconds", "1"),
            ("Twilio:Resilience:TotalTimeoutSeconds", "5"),
            ("Twilio:Resilience:MaxRetryAfterSeconds", "1"),
            ("Twilio:Resilience:RetryDelayMilliseconds", "10"));
        _emulator.InjectFault(fault == TwilioFaultKind.Hang ? TwilioFault.Hang() : TwilioFault.DropAfterProcessing());

        await Assert.ThrowsAsync<TwilioOutcomeUnknownException>(() => services.GetRequiredService<ITwilioGateway>()
            .SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(1));
            Assert.That(_emulator.Messages, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_fetch_that_fails_is_retried()
    {
        await using var services = Services(("Twilio:Resilience:RetryDelayMilliseconds", "10"));
        var gateway = services.GetRequiredService<ITwilioGateway>();
        await gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None);
        _emulator.InjectFault(TwilioFault.Error(500), target: TwilioFaultTarget.AnyRequest);

        var listed = await gateway.ListSentAsync(Recipient, DateTimeOffset.UtcNow.AddMinutes(-1), 10, CancellationToken.None);

        Assert.That(_emulator.PendingFaults, Is.Empty, "the fault was met");
        Assert.That(listed.Select(m => (m.Sid, m.Body)), Is.EqualTo(new[] { (_emulator.Messages.Single().Sid, (string?)"Hi") }));
    }

    [Test]
    public async Task The_list_stops_at_messages_created_before_the_given_time()
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();
        await gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None);

        var listed = await gateway.ListSentAsync(Recipient, DateTimeOffset.UtcNow.AddMinutes(5), 10, CancellationToken.None);

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task Nothing_listening_at_the_Twilio_address_is_unavailable()
    {
        await using var services = Services(("Twilio:ApiBaseUrl", $"http://127.0.0.1:{LoopbackPort.Unused()}"));
        var gateway = services.GetRequiredService<ITwilioGateway>();

        var unavailable = await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), CancellationToken.None));

        Assert.That(unavailable!.InnerException, Is.Not.Null);
    }

    [Test]
    public async Task A_failed_look_up_carries_the_transport_failure_without_the_numbers_it_asked_for()
    {
        await using var services = Services(("Twilio:ApiBaseUrl", $"http://127.0.0.1:{LoopbackPort.Unused()}"));
        var gateway = services.GetRequiredService<ITwilioGateway>();

        var unavailable = await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => gateway.ListSentAsync(Recipient, DateTimeOffset.UtcNow.AddMinutes(-5), 10, CancellationToken.None));

        // What is logged of an outage is the exception with its causes; the SDK's wrapper names the URL, whose query
        // carries the numbers.
        Assert.Multiple(() =>
        {
            Assert.That(unavailable!.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(unavailable.ToString(), Does.Not.Contain("4155550123"));
        });
    }

    [Test]
    public async Task A_send_canceled_by_the_caller_is_not_sent()
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        Assert.That(
            async () => await gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), canceled.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_emulator.CreateMessageRequests, Is.Zero);
    }

    [Test]
    public async Task Canceling_a_send_that_Twilio_has_not_answered_aborts_it()
    {
        // A listener that accepts connections and never answers stands in for a Twilio that hangs.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var services = Services(("Twilio:ApiBaseUrl", $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"));
        var gateway = services.GetRequiredService<ITwilioGateway>();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = TimeProvider.System.GetTimestamp();

        Assert.That(
            async () => await gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, "Hi", [], null, null), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        // Well under the resilience pipeline's own attempt timeout: the caller's token reached the HTTP call.
        Assert.That(TimeProvider.System.GetElapsedTime(started), Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task Concurrent_sends_each_create_one_message()
    {
        await using var services = Services();
        var gateway = services.GetRequiredService<ITwilioGateway>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            gateway.SendAsync(new TwilioSendRequest(Guid.NewGuid(), Recipient, $"message {i}", [], null, null), CancellationToken.None)));

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.CreateMessageRequests, Is.EqualTo(10));
            Assert.That(results.Select(r => r.Sid), Is.EquivalentTo(_emulator.Messages.Select(m => m.Sid)));
        });
    }

    private ServiceProvider Services(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = _accountSid,
            ["Twilio:AuthToken"] = _authToken,
            ["Twilio:From"] = Sender,
            ["Twilio:ApiBaseUrl"] = _emulator.BaseAddress.ToString(),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return TwilioServices.Build(settings);
    }
}
