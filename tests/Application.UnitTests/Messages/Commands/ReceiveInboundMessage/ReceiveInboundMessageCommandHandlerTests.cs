using Messaging.Application.Events;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Commands.ReceiveInboundMessage;

namespace Messaging.Application.UnitTests.Messages.Commands.ReceiveInboundMessage;

public sealed class ReceiveInboundMessageCommandHandlerTests : MessageStoreFixture
{
    private const string Sid = "MM11111111111111111111111111111111";

    [Test]
    public async Task An_inbound_message_is_stored_as_received_with_its_media_and_profile_name()
    {
        var dto = await Handle(new ReceiveInboundMessageCommand(
            Sid,
            "whatsapp:+14155550123",
            "whatsapp:+14155238886",
            "Where is my order?",
            [new InboundMedia("https://api.twilio.com/media/ME1", "image/jpeg"), new InboundMedia("https://api.twilio.com/media/ME2", " ")],
            "Ana"));

        var stored = Store.StoredMessages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.WaSid, Is.EqualTo(Sid));
            Assert.That(stored.Direction, Is.EqualTo(MessageDirection.Inbound));
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Received));
            Assert.That(stored.From, Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(stored.To, Is.EqualTo("whatsapp:+14155238886"));
            Assert.That(stored.Contact, Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(stored.Body, Is.EqualTo("Where is my order?"));
            Assert.That(stored.ProfileName, Is.EqualTo("Ana"));
            Assert.That(stored.Media, Is.EqualTo(new[]
            {
                new MessageMedia("https://api.twilio.com/media/ME1", "image/jpeg"),
                new MessageMedia("https://api.twilio.com/media/ME2", null),
            }));
            Assert.That(stored.CreatedAt, Is.EqualTo(ApplicationServices.Now));
            Assert.That(dto.Id, Is.EqualTo(stored.Id));
            Assert.That(dto.ProfileName, Is.EqualTo("Ana"));
            Assert.That(Store.Calls, Is.EqualTo((string[])["add message", "list pending"]));
        });
        Outbox.Verify(e => e.Add(EventTypes.MessageReceived, It.IsAny<string>(), It.Is<MessageDto>(m => m.Id == stored.Id)), Times.Once);
    }

    [Test]
    public async Task A_media_only_message_has_no_body()
    {
        await Handle(new ReceiveInboundMessageCommand(
            Sid, "+14155550123", "+14155238886", "", [new InboundMedia("https://api.twilio.com/media/ME1", "audio/ogg")]));

        Assert.That(Store.StoredMessages.Single().Body, Is.Null);
    }

    [Test]
    public async Task A_repeated_delivery_returns_the_stored_message_and_stores_nothing_new()
    {
        var first = await Handle(new ReceiveInboundMessageCommand(Sid, "+14155550123", "+14155238886", "hi"));
        Clock.Advance(TimeSpan.FromSeconds(15));

        var second = await Handle(new ReceiveInboundMessageCommand(Sid, "+14155550123", "+14155238886", "hi"));

        Assert.That(Store.StoredMessages, Has.Count.EqualTo(1));
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(second.CreatedAt, Is.EqualTo(ApplicationServices.Now));
        Store.Pending.Verify(p => p.ListFor(Sid, It.IsAny<CancellationToken>()), Times.Once);
    }

    private Task<Messaging.Application.Messages.MessageDto> Handle(ReceiveInboundMessageCommand command) =>
        new ReceiveInboundMessageCommandHandler(
                Recorder(),
                Clock)
            .Handle(command, CancellationToken.None);
}
