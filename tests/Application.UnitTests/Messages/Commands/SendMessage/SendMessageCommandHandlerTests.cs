using System.Text.Json;
using Messaging.Application.Conversations;
using Messaging.Application.Events;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.Recording;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.Messages.Commands.SendMessage;

public sealed class SendMessageCommandHandlerTests
{
    private const string TwilioSid = SendPorts.Sid;
    private const string NotApproved = "HXbce84e031adc4d7beb2d1e6404810e51";

    private SendPorts _ports = null!;
    private Mock<IConversationRepository> _conversations = null!;
    private Mock<IPendingStatusUpdateRepository> _pending = null!;
    private LogSink _logs = null!;
    private Mock<IEventOutbox> _events = null!;
    private FakeTimeProvider _time = null!;
    private Mock<IContentTemplateSource> _templates = null!;

    [SetUp]
    public void SetUp()
    {
        _events = new Mock<IEventOutbox>();
        _time = new FakeTimeProvider(ApplicationServices.Now);
        _ports = new SendPorts();

        // The customer wrote an hour ago, so free-form sends are inside the window; the window's own rules are
        // covered by SendMessageCustomerServiceWindowTests.
        _conversations = new Mock<IConversationRepository>(MockBehavior.Strict);
        _conversations
            .Setup(c => c.GetLastInboundAt(TestMessages.Customer, It.IsAny<CancellationToken>()))
            .ReturnsAsync(ApplicationServices.Now.AddHours(-1));
        _pending = new Mock<IPendingStatusUpdateRepository>(MockBehavior.Strict);
        _pending
            .Setup(p => p.ListFor(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _ports.Calls.Add("read pending"))
            .ReturnsAsync([]);
        _logs = new LogSink();
        _templates = TestTemplates.Source(
            TestTemplates.Template(),
            TestTemplates.Template(NotApproved, "welcome_offer", "Welcome back, {{1}}!", "rejected", rejectionReason: "TAG_CONTENT_MISMATCH"));
    }

    [Test]
    public async Task Sends_once_then_saves_once_what_twilio_accepted()
    {
        var dto = await CreateHandler().Handle(
            new SendMessageCommand(" WhatsApp:+14155550123 ", "Your order shipped", ["https://example.com/label.pdf"]),
            CancellationToken.None);

        Assert.That(_ports.Calls, Is.EqualTo((string[])["send", "save", "read pending"]));
        _pending.Verify(p => p.ListFor(TwilioSid, It.IsAny<CancellationToken>()), Times.Once);
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        _events.Verify(e => e.Add(EventTypes.MessageSent, It.IsAny<string>(), dto), Times.Once);
        _ports.Repository.Verify(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Once);

        var request = _ports.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.To, Is.EqualTo(TestMessages.Customer));
            Assert.That(request.Body, Is.EqualTo("Your order shipped"));
            Assert.That(request.MediaUrls, Is.EqualTo((string[])["https://example.com/label.pdf"]));
            Assert.That(request.ContentSid, Is.Null);
            Assert.That(request.ContentVariables, Is.Null);
        });

        var stored = _ports.Stored.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.WaSid, Is.EqualTo(TwilioSid));
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(stored.From, Is.EqualTo(TestMessages.Sender));
            Assert.That(stored.To, Is.EqualTo(TestMessages.Customer));
            Assert.That(stored.CreatedAt, Is.EqualTo(ApplicationServices.Now));
            Assert.That(dto.Id, Is.EqualTo(stored.Id));
            Assert.That(dto.WaSid, Is.EqualTo(TwilioSid));
            Assert.That(dto.Direction, Is.EqualTo(MessageDirection.Outbound));
            Assert.That(dto.MediaUrls, Is.EqualTo((string[])["https://example.com/label.pdf"]));
        });
    }

    [Test]
    public async Task A_sid_already_stored_returns_the_stored_row()
    {
        var existing = TestMessages.Outbound(TwilioSid, ApplicationServices.Now.AddMinutes(-5), "stored earlier", MessageStatus.Delivered);
        _ports.Repository
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .Callback((Message message, CancellationToken _) => _ports.Stored.Add(message))
            .ReturnsAsync(new AddIfAbsentResult(existing, Inserted: false));

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.That(_ports.Stored, Has.Count.EqualTo(1));
        Assert.That(_ports.Stored[0].Id, Is.Not.EqualTo(existing.Id));
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(existing.Id));
            Assert.That(dto.Body, Is.EqualTo("stored earlier"));
            Assert.That(dto.Status, Is.EqualTo(MessageStatus.Delivered));
            Assert.That(dto.CreatedAt, Is.EqualTo(existing.CreatedAt));
        });
    }

    [Test]
    public async Task A_template_goes_to_twilio_as_its_sid_and_variables_and_is_stored_with_the_text_the_customer_receives()
    {
        var variables = new Dictionary<string, string> { ["1"] = "Ana \"the\" customer", ["2"] = "3pm" };

        var dto = await CreateHandler().Handle(
            new SendMessageCommand("+14155550123", null, null, TestTemplates.Reminder, variables), CancellationToken.None);

        var request = _ports.Sent.Single();
        Assert.That(request.ContentSid, Is.EqualTo(TestTemplates.Reminder));
        Assert.That(request.Body, Is.Null, "Twilio renders the template itself");
        Assert.That(request.MediaUrls, Is.Empty);
        using var json = JsonDocument.Parse(request.ContentVariables!);
        Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(
            json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()),
            Is.EquivalentTo(variables));
        var stored = _ports.Stored.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.ContentSid, Is.EqualTo(TestTemplates.Reminder));
            Assert.That(stored.Body, Is.EqualTo("Hi Ana \"the\" customer, your appointment is on 3pm."));
            Assert.That(dto.Body, Is.EqualTo(stored.Body));
        });
    }

    [Test]
    public async Task A_template_that_cannot_be_sent_is_refused_before_twilio_and_stores_nothing()
    {
        var thrown = await Assert.ThrowsAsync<TemplateNotSendableException>(
            () => CreateHandler().Handle(
                new SendMessageCommand("+14155550123", null, null, NotApproved, new Dictionary<string, string> { ["1"] = "Ana" }),
                CancellationToken.None));

        Assert.That(thrown!.ApprovalStatus, Is.EqualTo("rejected"));
        Assert.That(_ports.Calls, Is.Empty);
        _events.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_template_twilio_refuses_is_stored_failed_with_the_text_it_would_have_said()
    {
        _ports.Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TwilioRejectedException(21211, "Invalid 'To' Phone Number", 400, null));

        await Assert.ThrowsAsync<MessageRejectedException>(() => CreateHandler().Handle(
            new SendMessageCommand("+14155550123", null, null, TestTemplates.Reminder, new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "Monday" }),
            CancellationToken.None));

        var stored = _ports.Stored.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(stored.ContentSid, Is.EqualTo(TestTemplates.Reminder));
            Assert.That(stored.Body, Is.EqualTo("Hi Ana, your appointment is on Monday."));
        });
    }

    [Test]
    public async Task A_blank_body_beside_media_is_sent_as_no_body()
    {
        await CreateHandler().Handle(new SendMessageCommand("+14155550123", "   ", ["https://example.com/a.png"]), CancellationToken.None);

        Assert.That(_ports.Sent.Single().Body, Is.Null);
        Assert.That(_ports.Stored.Single().Body, Is.Null);
    }

    [Test]
    public async Task A_twilio_rejection_stores_one_failed_message_and_reports_its_id()
    {
        _ports.Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .Callback(() => _ports.Calls.Add("send"))
            .ThrowsAsync(new TwilioRejectedException(63016, "Outside the allowed window", 400, "https://www.twilio.com/docs/errors/63016"));

        var thrown = await Assert.ThrowsAsync<MessageRejectedException>(
            () => CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None));

        Assert.That(_ports.Calls, Is.EqualTo((string[])["send", "save"]));
        var stored = _ports.Stored.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(stored.WaSid, Is.Null);
            Assert.That(stored.ErrorCode, Is.EqualTo(63016));
            Assert.That(stored.ErrorMessage, Is.EqualTo("Outside the allowed window"));
            Assert.That(stored.Body, Is.EqualTo("hello"));
            Assert.That(stored.To, Is.EqualTo(TestMessages.Customer));
            Assert.That(thrown!.MessageId, Is.EqualTo(stored.Id));
            Assert.That(thrown!.TwilioCode, Is.EqualTo(63016));
            Assert.That(thrown!.Message, Is.EqualTo("Outside the allowed window"));
            Assert.That(thrown!.MoreInfo, Is.EqualTo("https://www.twilio.com/docs/errors/63016"));
        });
    }

    [Test]
    public async Task Twilio_unavailable_stores_nothing_and_propagates()
    {
        _ports.Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TwilioUnavailableException("503 from Twilio"));

        await Assert.ThrowsAsync<TwilioUnavailableException>(
            () => CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None));

        _ports.Repository.Verify(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_message_twilio_accepted_is_saved_even_when_the_caller_cancels_meanwhile()
    {
        using var caller = new CancellationTokenSource();
        var tokensSeenBySave = new List<CancellationToken>();
        _ports.Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .Callback(() => caller.Cancel())
            .ReturnsAsync(new TwilioSendResult(TwilioSid, MessageStatus.Queued));
        _ports.Repository
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .Callback((Message _, CancellationToken token) => tokensSeenBySave.Add(token))
            .ReturnsAsync((Message message, CancellationToken _) => new AddIfAbsentResult(message, Inserted: true));

        await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), caller.Token);

        Assert.That(tokensSeenBySave, Has.Count.EqualTo(1));
        Assert.That(tokensSeenBySave[0].IsCancellationRequested, Is.False);
    }

    [Test]
    public async Task Time_of_the_message_comes_from_the_time_provider()
    {
        _time.Advance(TimeSpan.FromHours(3));

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.That(dto.CreatedAt, Is.EqualTo(ApplicationServices.Now.AddHours(3)));
        Assert.That(dto.UpdatedAt, Is.EqualTo(dto.CreatedAt));
    }

    [Test]
    public async Task A_status_twilio_reported_before_the_save_is_applied_and_returned()
    {
        var pending = PendingStatusUpdate.Create(TwilioSid, MessageStatus.Delivered, null, null, ApplicationServices.Now);
        _pending
            .Setup(p => p.ListFor(TwilioSid, It.IsAny<CancellationToken>()))
            .Callback(() => _ports.Calls.Add("read pending"))
            .ReturnsAsync([pending]);
        _pending
            .Setup(p => p.Remove(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyCollection<Guid> ids, CancellationToken _) => _ports.Calls.Add($"remove {string.Join(',', ids)}"))
            .Returns(Task.CompletedTask);
        _ports.Repository
            .Setup(r => r.Update(TwilioSid, It.IsAny<Func<Message, bool>>(), It.IsAny<CancellationToken>()))
            .Callback(() => _ports.Calls.Add("update"))
            .ReturnsAsync((string _, Func<Message, bool> change, CancellationToken _) =>
            {
                var stored = _ports.Stored.Single();
                change(stored);
                return stored;
            });

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.That(_ports.Calls, Is.EqualTo((string[])["send", "save", "read pending", "update", $"remove {pending.Id}"]));
        Assert.That(dto.Status, Is.EqualTo(MessageStatus.Delivered));
    }

    [Test]
    public async Task A_sid_another_caller_stored_leaves_pending_statuses_to_that_caller()
    {
        var existing = TestMessages.Outbound(TwilioSid, ApplicationServices.Now, "stored earlier", MessageStatus.Queued);
        _ports.Repository
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AddIfAbsentResult(existing, Inserted: false));

        await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        _pending.Verify(p => p.ListFor(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_failure_to_apply_pending_statuses_still_returns_the_stored_message_and_warns()
    {
        _pending
            .Setup(p => p.ListFor(TwilioSid, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is locked"));

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.That(dto.Id, Is.EqualTo(_ports.Stored.Single().Id));
        Assert.That(dto.Status, Is.EqualTo(MessageStatus.Queued));
        var warning = _logs.Entries.Single();
        Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(warning.Exception, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public async Task A_send_is_stored_under_the_id_its_status_callbacks_name()
    {
        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_ports.Sent.Single().MessageId, Is.EqualTo(dto.Id));
            Assert.That(_ports.Stored.Single().Id, Is.EqualTo(dto.Id));
        });
    }

    [Test]
    public async Task A_send_whose_outcome_is_unknown_is_stored_once_as_unknown_without_a_sid_under_the_id_sent()
    {
        _ports.Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TwilioSendRequest request, CancellationToken _) => _ports.Sent.Add(request))
            .ThrowsAsync(new TwilioOutcomeUnknownException("no answer"));
        _pending
            .Setup(p => p.FindSidFor(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);
        var before = _time.GetUtcNow();

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        var stored = _ports.Stored.Single();
        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo(MessageStatus.Unknown));
            Assert.That(dto.WaSid, Is.Null);
            Assert.That(dto.Id, Is.EqualTo(_ports.Sent.Single().MessageId));
            Assert.That(stored.Id, Is.EqualTo(dto.Id));
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Unknown));
            Assert.That(stored.Body, Is.EqualTo("hello"));
            Assert.That(stored.CreatedAt, Is.EqualTo(before), "stamped when the request went out");
        });
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_send_whose_outcome_is_unknown_takes_the_sid_a_callback_already_reported_for_its_id()
    {
        Message? stored = null;
        _ports.Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TwilioSendRequest request, CancellationToken _) => _ports.Sent.Add(request))
            .ThrowsAsync(new TwilioOutcomeUnknownException("no answer"));
        _ports.Repository
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .Callback((Message message, CancellationToken _) => stored = message)
            .ReturnsAsync((Message message, CancellationToken _) => new AddIfAbsentResult(message, Inserted: true));
        _pending
            .Setup(p => p.FindSidFor(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TwilioSid);
        _ports.Repository
            .Setup(r => r.UpdateById(It.IsAny<Guid>(), It.IsAny<Func<Message, bool>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid id, Func<Message, bool> change, CancellationToken _) =>
            {
                Assert.That(id, Is.EqualTo(stored!.Id));
                change(stored);
                return stored;
            });

        var dto = await CreateHandler().Handle(new SendMessageCommand("+14155550123", "hello"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(dto.WaSid, Is.EqualTo(TwilioSid));
            Assert.That(stored!.WaSid, Is.EqualTo(TwilioSid));
        });
    }

    private SendMessageCommandHandler CreateHandler() =>
        new(
            _ports.Gateway.Object,
            new CustomerServiceWindowGuard(_conversations.Object, Options.Create(new CustomerServiceWindowOptions()), _time),
            TestTemplates.Guard(_templates.Object, _time),
            TestRecorder.Create(_ports.Repository.Object, _pending.Object, _time, _events.Object, new SinkLogger<MessageRecorder>(_logs)),
            _time);
}
