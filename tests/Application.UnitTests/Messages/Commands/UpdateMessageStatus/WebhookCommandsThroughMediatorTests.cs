using MediatR;
using Messaging.Application.Messages.Commands.ReceiveInboundMessage;
using Messaging.Application.Messages.Commands.UpdateMessageStatus;

namespace Messaging.Application.UnitTests.Messages.Commands.UpdateMessageStatus;

/// <summary>The webhook commands through the mediator as the host composes it: invalid ones never reach the store.</summary>
public sealed class WebhookCommandsThroughMediatorTests
{
    private const string Sid = "SM11111111111111111111111111111111";

    private MessageStore _store = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new MessageStore();
        _services = ApplicationServices.Build(new Mock<ITwilioGateway>(MockBehavior.Strict).Object, _store.Messages.Object, pending: _store.Pending.Object);
    }

    [TearDown]
    public void TearDown() => _services.Dispose();

    [Test]
    public Task An_unknown_status_word_is_a_validation_error_and_touches_nothing() =>
        AssertRefusedOn(new UpdateMessageStatusCommand(Sid, "teleported"), "MessageStatus");

    [Test]
    public Task An_inbound_message_without_a_sender_is_a_validation_error_and_stores_nothing() =>
        AssertRefusedOn(new ReceiveInboundMessageCommand(Sid, null, "whatsapp:+14155238886", "hi"), "From");

    [Test]
    public async Task Valid_webhook_commands_pass_the_pipeline()
    {
        using var scope = _services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var inbound = await mediator.Send(new ReceiveInboundMessageCommand(Sid, "whatsapp:+14155550123", "whatsapp:+14155238886", "hi", null, "Ana"));
        await mediator.Send(new UpdateMessageStatusCommand("SM22222222222222222222222222222222", "delivered"));

        Assert.That(inbound.Status, Is.EqualTo(MessageStatus.Received));
        Assert.That(_store.PendingUpdates.Single().Status, Is.EqualTo(MessageStatus.Delivered));
    }

    /// <summary>
    /// Sends <paramref name="command"/> and asserts that validation refuses it on <paramref name="property"/> alone,
    /// before the store is touched.
    /// </summary>
    private async Task AssertRefusedOn<TResponse>(IRequest<TResponse> command, string property)
    {
        using var scope = _services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var thrown = await Assert.ThrowsAsync<ValidationException>(() => mediator.Send(command));

        Assert.That(thrown!.Errors.Keys, Is.EqualTo(new[] { property }));
        Assert.That(_store.Calls, Is.Empty);
    }
}
