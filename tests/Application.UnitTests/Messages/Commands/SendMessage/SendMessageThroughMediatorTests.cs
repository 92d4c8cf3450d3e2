using MediatR;
using Messaging.Application.Messages.Commands.SendMessage;
using ValidationException = Messaging.Application.Common.Exceptions.ValidationException;

namespace Messaging.Application.UnitTests.Messages.Commands.SendMessage;

/// <summary>The send command through the mediator the host uses, so the pipeline runs as in production.</summary>
public sealed class SendMessageThroughMediatorTests
{
    private SendPorts _ports = null!;
    private LogSink _logs = null!;
    private ServiceProvider _services = null!;

    public static IEnumerable<TestCaseData> InvalidCommands()
    {
        yield return new TestCaseData(new SendMessageCommand("4155550123", "hi"), "To").SetName("National number");
        yield return new TestCaseData(new SendMessageCommand("sms:+14155550123", "hi"), "To").SetName("Sms address");
        yield return new TestCaseData(new SendMessageCommand("+14155550123"), "Body").SetName("No content");
        yield return new TestCaseData(new SendMessageCommand("+14155550123", new string('x', 1601)), "Body").SetName("Body too long");
        yield return new TestCaseData(new SendMessageCommand("+14155550123", "hi", ["http://example.com/a.png"]), "MediaUrls[0]").SetName("Plain http media");
        yield return new TestCaseData(new SendMessageCommand("+14155550123", "hi", null, "HX0123456789abcdef0123456789abcdef"), "ContentSid").SetName("Body and template");
    }

    [SetUp]
    public void SetUp()
    {
        _ports = new SendPorts();
        _logs = new LogSink();
        _services = ApplicationServices.Build(_ports.Gateway.Object, _ports.Repository.Object, _logs);
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    [TestCaseSource(nameof(InvalidCommands))]
    public async Task Invalid_input_never_reaches_twilio_or_the_store(SendMessageCommand command, string failingProperty)
    {
        using var scope = _services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var thrown = await Assert.ThrowsAsync<ValidationException>(() => mediator.Send(command));

        Assert.That(thrown!.Errors.Keys, Does.Contain(failingProperty));
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _ports.Repository.Verify(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Every_failure_is_reported_at_once_grouped_by_property()
    {
        var mediator = _services.GetRequiredService<IMediator>();
        var command = new SendMessageCommand("not a number", new string('x', 1601), ["http://a.example", "https://b.example"]);

        var thrown = await Assert.ThrowsAsync<ValidationException>(() => mediator.Send(command));

        Assert.That(thrown!.Errors.Keys, Is.SupersetOf((string[])["To", "Body", "MediaUrls", "MediaUrls[0]"]));
        Assert.That(thrown!.Errors.Values, Has.All.Not.Empty);
    }

    [Test]
    public async Task Valid_input_passes_the_pipeline_and_is_sent()
    {
        var mediator = _services.GetRequiredService<IMediator>();

        var dto = await mediator.Send(new SendMessageCommand("whatsapp:+14155550123", "hello"));

        Assert.That(dto.WaSid, Is.EqualTo(SendPorts.Sid));
        Assert.That(dto.To, Is.EqualTo(TestMessages.Customer));
        _ports.Gateway.Verify(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
