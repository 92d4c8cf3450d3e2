using MediatR;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.Queries.GetMessageById;
using Messaging.Application.Messages.Queries.GetMessageMedia;
using ValidationException = Messaging.Application.Common.Exceptions.ValidationException;

namespace Messaging.Application.UnitTests.Common.Behaviours;

public sealed class UnhandledExceptionBehaviourTests
{
    private Mock<ITwilioGateway> _gateway = null!;
    private Mock<IMessageRepository> _repository = null!;
    private LogSink _logs = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public void SetUp()
    {
        _gateway = new Mock<ITwilioGateway>();
        _gateway.SetupGet(g => g.SenderAddress).Returns(TestMessages.Sender);
        _repository = new Mock<IMessageRepository>();
        _repository
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Message message, CancellationToken _) => new AddIfAbsentResult(message, Inserted: true));
        _logs = new LogSink();
        _services = ApplicationServices.Build(_gateway.Object, _repository.Object, _logs);
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    private IMediator Mediator => _services.GetRequiredService<IMediator>();

    [Test]
    public async Task Invalid_input_is_not_logged_as_an_error()
    {
        await Assert.ThrowsAsync<ValidationException>(() => Mediator.Send(new SendMessageCommand("nope", "hi")));

        Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    [Test]
    public async Task A_missing_message_is_not_logged_as_an_error()
    {
        _repository.Setup(r => r.GetById(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync((Message?)null);

        await Assert.ThrowsAsync<NotFoundException>(() => Mediator.Send(new GetMessageByIdQuery(Guid.NewGuid())));

        Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    [Test]
    public async Task A_free_form_send_outside_the_window_is_not_logged_as_a_failure()
    {
        var neverWrote = new Mock<IConversationRepository>();
        neverWrote.Setup(c => c.GetLastInboundAt(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DateTimeOffset?)null);
        using var services = ApplicationServices.Build(_gateway.Object, _repository.Object, _logs, neverWrote.Object);

        await Assert.ThrowsAsync<CustomerServiceWindowClosedException>(
            () => services.GetRequiredService<IMediator>().Send(new SendMessageCommand("+14155550123", "hi")));

        Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    [Test]
    public async Task A_send_twilio_refuses_is_a_warning()
    {
        _gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TwilioRejectedException(21211, "Invalid 'To' Phone Number", 400, null));

        await Assert.ThrowsAsync<MessageRejectedException>(() => Mediator.Send(new SendMessageCommand("+14155550123", "hi")));

        Assert.That(_logs.Entries.Select(e => e.Level), Is.EqualTo((LogLevel[])[LogLevel.Warning]));
        Assert.That(_logs.Entries[0].Text, Does.Contain("21211"));
    }

    [Test]
    public async Task Twilio_being_unavailable_is_a_warning()
    {
        _gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TwilioUnavailableException("timeout"));

        await Assert.ThrowsAsync<TwilioUnavailableException>(() => Mediator.Send(new SendMessageCommand("+14155550123", "hi")));

        Assert.That(_logs.Entries.Select(e => e.Level), Is.EqualTo((LogLevel[])[LogLevel.Warning]));
    }

    [Test]
    public async Task An_unexpected_failure_is_logged_as_an_error_with_the_exception_but_without_the_request()
    {
        var failure = new InvalidOperationException("database is gone");
        _gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TwilioSendResult("SM1", MessageStatus.Queued));
        _repository.Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Mediator.Send(new SendMessageCommand("+14155550123", "secret text")));

        Assert.That(thrown, Is.SameAs(failure));
        var entry = _logs.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(entry.Exception, Is.SameAs(failure));
        Assert.That(entry.Text, Does.Contain(nameof(SendMessageCommand)));
        Assert.That(entry.Text, Does.Not.Contain("secret text").And.Not.Contain("4155550123"));
    }

    [Test]
    public void A_request_the_caller_canceled_is_not_logged()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        _repository
            .Setup(r => r.GetById(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns((Guid _, CancellationToken token) => Task.FromCanceled<Message?>(token));

        Assert.That(
            () => Mediator.Send(new GetMessageByIdQuery(Guid.NewGuid()), canceled.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(_logs.Entries, Is.Empty);
    }

    [Test]
    public async Task A_medium_not_hosted_by_twilio_is_not_logged_as_a_failure()
    {
        using var services = WithMediaFailing(new MediaSourceNotAllowedException("not a Twilio medium"), out var id);

        await Assert.ThrowsAsync<MediaSourceNotAllowedException>(
            () => services.GetRequiredService<IMediator>().Send(new GetMessageMediaQuery(id, 0)));

        Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
    }

    [Test]
    public async Task A_medium_twilio_cannot_provide_is_one_warning_with_its_cause()
    {
        var failure = new MediaUnavailableException("Twilio's media host could not be reached.", new HttpRequestException("refused"));
        using var services = WithMediaFailing(failure, out var id);

        await Assert.ThrowsAsync<MediaUnavailableException>(
            () => services.GetRequiredService<IMediator>().Send(new GetMessageMediaQuery(id, 0)));

        var entry = _logs.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.Exception, Is.SameAs(failure));
    }

    private ServiceProvider WithMediaFailing(Exception failure, out Guid id)
    {
        var message = Message.Inbound(
            "MM1",
            WhatsAppAddress.FromE164("+14155550123"),
            WhatsAppAddress.FromE164("+14155238886"),
            null,
            [new MessageMedia("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/png")],
            null,
            ApplicationServices.Now);
        id = message.Id;
        _repository.Setup(r => r.GetById(message.Id, It.IsAny<CancellationToken>())).ReturnsAsync(message);
        var media = new Mock<ITwilioMediaClient>(MockBehavior.Strict);
        media.Setup(m => m.OpenAsync("MM1", It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        return ApplicationServices.Build(_gateway.Object, _repository.Object, _logs, mediaClient: media.Object);
    }
}
