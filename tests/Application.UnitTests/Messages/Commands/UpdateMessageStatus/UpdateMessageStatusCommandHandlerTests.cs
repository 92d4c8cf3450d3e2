using Messaging.Application.Events;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Commands.UpdateMessageStatus;

namespace Messaging.Application.UnitTests.Messages.Commands.UpdateMessageStatus;

public sealed class UpdateMessageStatusCommandHandlerTests : MessageStoreFixture
{
    private const string Sid = "SM11111111111111111111111111111111";

    [Test]
    public async Task A_status_for_a_stored_message_is_applied_without_keeping_it_pending()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        Store.Store(message);
        Clock.Advance(TimeSpan.FromMinutes(1));

        await Handle(new UpdateMessageStatusCommand(Sid, "delivered"));

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Delivered));
            Assert.That(message.UpdatedAt, Is.EqualTo(ApplicationServices.Now.AddMinutes(1)));
            Assert.That(Store.Calls, Is.EqualTo((string[])["update message", "list pending"]));
        });
        Outbox.Verify(e => e.Add(EventTypes.MessageStatusChanged, It.IsAny<string>(), It.Is<MessageDto>(m => m.Id == message.Id && m.Status == MessageStatus.Delivered)), Times.Once);
    }

    [Test]
    public async Task Statuses_a_save_left_pending_are_applied_with_the_next_callback()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        Store.Store(message);
        Store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Read, null, null, ApplicationServices.Now));

        await Handle(new UpdateMessageStatusCommand(Sid, "sent"));

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Read));
        Assert.That(Store.PendingUpdates, Is.Empty);
    }

    [Test]
    public async Task Read_then_delivered_then_sent_ends_as_read()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        Store.Store(message);

        foreach (var status in (string[])["read", "delivered", "sent", "read"])
        {
            await Handle(new UpdateMessageStatusCommand(Sid, status));
        }

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Read));
    }

    [TestCase("failed", MessageStatus.Failed)]
    [TestCase("undelivered", MessageStatus.Undelivered)]
    public async Task A_failure_keeps_twilios_error_code_and_message(string twilioStatus, MessageStatus expected)
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now, status: MessageStatus.Sent);
        Store.Store(message);

        await Handle(new UpdateMessageStatusCommand(Sid, twilioStatus, "30008", "Unknown error"));

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(expected));
            Assert.That(message.ErrorCode, Is.EqualTo(30008));
            Assert.That(message.ErrorMessage, Is.EqualTo("Unknown error"));
        });
    }

    [Test]
    public async Task A_status_for_an_unknown_sid_is_kept_then_the_message_is_looked_for_again()
    {
        await Handle(new UpdateMessageStatusCommand(Sid, "Delivered", " ", ""));

        Assert.That(Store.Calls, Is.EqualTo((string[])["update message", "add pending", "list pending", "update message"]));
        var pending = Store.PendingUpdates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pending.WaSid, Is.EqualTo(Sid));
            Assert.That(pending.Status, Is.EqualTo(MessageStatus.Delivered));
            Assert.That(pending.ErrorCode, Is.Null);
            Assert.That(pending.ErrorMessage, Is.Null);
            Assert.That(pending.ReceivedAt, Is.EqualTo(ApplicationServices.Now));
        });
    }

    [Test]
    public async Task A_message_saved_while_the_status_was_being_kept_gets_the_status()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        var updates = 0;
        // The first look-up misses; the send saves the message before the second.
        Store.BeforeUpdate = () =>
        {
            if (++updates == 2)
            {
                Store.Store(message);
            }
        };

        await Handle(new UpdateMessageStatusCommand(Sid, "read"));

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Read));
        Assert.That(Store.PendingUpdates, Is.Empty);
    }

    [Test]
    public async Task Once_a_status_is_being_kept_the_callers_cancellation_no_longer_stops_it()
    {
        using var caller = new CancellationTokenSource();
        Store.BeforeUpdate = caller.Cancel;

        await Handle(new UpdateMessageStatusCommand(Sid, "sent"), caller.Token);

        Assert.That(Store.PendingUpdates, Has.Count.EqualTo(1));
        Assert.That(Store.TokensSeenByPendingAdd.Single().CanBeCanceled, Is.False);
    }

    [Test]
    public async Task A_status_for_an_inbound_message_changes_nothing()
    {
        var inbound = Message.Inbound(
            Sid, WhatsAppAddress.FromE164("+14155550123"), WhatsAppAddress.FromE164("+14155238886"), "hi", null, null, ApplicationServices.Now);
        Store.Store(inbound);

        await Handle(new UpdateMessageStatusCommand(Sid, "delivered"));

        Assert.That(inbound.Status, Is.EqualTo(MessageStatus.Received));
        Store.Pending.Verify(p => p.Add(It.IsAny<PendingStatusUpdate>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private Task<MediatR.Unit> Handle(UpdateMessageStatusCommand command, CancellationToken cancellationToken = default) =>
        new UpdateMessageStatusCommandHandler(
                Recorder(),
                Clock)
            .Handle(command, cancellationToken);
}
