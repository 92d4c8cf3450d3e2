namespace Messaging.Domain.UnitTests.Messages;

public sealed class MessageTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly WhatsAppAddress Sender = WhatsAppAddress.FromE164("+14155238886");
    private static readonly WhatsAppAddress Customer = WhatsAppAddress.FromE164("+14155550123");

    [Test]
    public void Outbound_message_carries_what_twilio_accepted()
    {
        var message = Message.Outbound("SM0123", Sender, Customer, "hello", ["https://example.com/a.png"], null, MessageStatus.Queued, Created);

        Assert.Multiple(() =>
        {
            Assert.That(message.WaSid, Is.EqualTo("SM0123"));
            Assert.That(message.Direction, Is.EqualTo(MessageDirection.Outbound));
            Assert.That(message.From, Is.EqualTo("whatsapp:+14155238886"));
            Assert.That(message.To, Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(message.Contact, Is.EqualTo(message.To));
            Assert.That(message.Body, Is.EqualTo("hello"));
            Assert.That(message.MediaUrls, Is.EqualTo((string[])["https://example.com/a.png"]));
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(message.ErrorCode, Is.Null);
            Assert.That(message.CreatedAt, Is.EqualTo(Created));
            Assert.That(message.UpdatedAt, Is.EqualTo(Created));
            Assert.That(message.Id.Version, Is.EqualTo(7));
        });
    }

    [Test]
    public void Outbound_message_ids_sort_by_creation_time()
    {
        var earlier = Message.Outbound("SM1", Sender, Customer, "a", null, null, MessageStatus.Queued, Created);
        var later = Message.Outbound("SM2", Sender, Customer, "b", null, null, MessageStatus.Queued, Created.AddMilliseconds(5));

        Assert.That(earlier.Id.CompareTo(later.Id), Is.Negative);
    }

    [Test]
    public void A_template_message_keeps_the_rendered_text_as_its_body_and_carries_no_media_of_its_own()
    {
        const string template = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

        var message = Message.Outbound("SM1", Sender, Customer, "Hi Ana, see you Monday.", null, template, MessageStatus.Queued, Created);

        Assert.That(message.Body, Is.EqualTo("Hi Ana, see you Monday."));
        Assert.That(message.ContentSid, Is.EqualTo(template));
        Assert.Throws<ArgumentException>(
            () => Message.Outbound("SM2", Sender, Customer, "Hi", ["https://example.com/a.pdf"], template, MessageStatus.Queued, Created));
        Assert.Throws<ArgumentException>(
            () => Message.Rejected(Sender, Customer, "Hi", ["https://example.com/a.pdf"], template, 21211, "Invalid 'To'", Created));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Outbound_message_needs_a_sid(string sid)
    {
        Assert.Throws<ArgumentException>(() => Message.Outbound(sid, Sender, Customer, "hi", null, null, MessageStatus.Queued, Created));
    }

    [TestCase(MessageStatus.Receiving)]
    [TestCase(MessageStatus.Received)]
    public void Outbound_message_refuses_an_inbound_status(MessageStatus status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Message.Outbound("SM1", Sender, Customer, "hi", null, null, status, Created));
    }

    [Test]
    public void Rejected_message_is_a_failed_outbound_message_without_sid()
    {
        var message = Message.Rejected(Sender, Customer, "hi", null, null, 63016, "Outside the 24 hour window", Created);

        Assert.Multiple(() =>
        {
            Assert.That(message.WaSid, Is.Null);
            Assert.That(message.Direction, Is.EqualTo(MessageDirection.Outbound));
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo(63016));
            Assert.That(message.ErrorMessage, Is.EqualTo("Outside the 24 hour window"));
            Assert.That(message.MediaUrls, Is.Empty);
            Assert.That(message.CreatedAt, Is.EqualTo(Created));
        });
    }

    [Test]
    public void Rejected_message_is_final()
    {
        var message = Message.Rejected(Sender, Customer, "hi", null, null, 21211, "Invalid 'To'", Created);

        Assert.That(message.ApplyStatus(MessageStatus.Delivered, null, null, Created.AddMinutes(1)), Is.False);
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
    }

    [Test]
    public void Advancing_status_moves_updated_at()
    {
        var message = Message.Outbound("SM1", Sender, Customer, "hi", null, null, MessageStatus.Queued, Created);
        var later = Created.AddSeconds(3);

        var advanced = message.ApplyStatus(MessageStatus.Sent, null, null, later);

        Assert.That(advanced, Is.True);
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
        Assert.That(message.UpdatedAt, Is.EqualTo(later));
        Assert.That(message.CreatedAt, Is.EqualTo(Created));
    }

    [Test]
    public void A_stale_status_changes_nothing_not_even_updated_at()
    {
        var message = Message.Outbound("SM1", Sender, Customer, "hi", null, null, MessageStatus.Queued, Created);
        message.ApplyStatus(MessageStatus.Delivered, null, null, Created.AddSeconds(3));

        var advanced = message.ApplyStatus(MessageStatus.Sent, null, null, Created.AddSeconds(9));

        Assert.That(advanced, Is.False);
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Delivered));
        Assert.That(message.UpdatedAt, Is.EqualTo(Created.AddSeconds(3)));
    }

    [TestCase(MessageStatus.Failed)]
    [TestCase(MessageStatus.Undelivered)]
    public void A_failure_keeps_twilios_error(MessageStatus failure)
    {
        var message = Message.Outbound("SM1", Sender, Customer, "hi", null, null, MessageStatus.Sent, Created);

        message.ApplyStatus(failure, 63024, "Invalid message recipient", Created.AddSeconds(1));

        Assert.That(message.Status, Is.EqualTo(failure));
        Assert.That(message.ErrorCode, Is.EqualTo(63024));
        Assert.That(message.ErrorMessage, Is.EqualTo("Invalid message recipient"));
    }

    [Test]
    public void An_error_code_on_a_successful_status_is_not_kept()
    {
        var message = Message.Outbound("SM1", Sender, Customer, "hi", null, null, MessageStatus.Sent, Created);

        message.ApplyStatus(MessageStatus.Delivered, 30001, "spurious", Created.AddSeconds(1));

        Assert.That(message.ErrorCode, Is.Null);
        Assert.That(message.ErrorMessage, Is.Null);
    }

    [Test]
    public void Read_then_delivered_then_sent_ends_read()
    {
        var message = Message.Outbound("SM1", Sender, Customer, "hi", null, null, MessageStatus.Queued, Created);

        var results = new[]
        {
            message.ApplyStatus(MessageStatus.Read, null, null, Created.AddSeconds(1)),
            message.ApplyStatus(MessageStatus.Delivered, null, null, Created.AddSeconds(2)),
            message.ApplyStatus(MessageStatus.Sent, null, null, Created.AddSeconds(3)),
        };

        Assert.That(results, Is.EqualTo((bool[])[true, false, false]));
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Read));
        Assert.That(message.UpdatedAt, Is.EqualTo(Created.AddSeconds(1)));
    }

    [Test]
    public void A_delivered_message_cannot_fail_afterwards()
    {
        var message = Message.Outbound("SM1", Sender, Customer, "hi", null, null, MessageStatus.Delivered, Created);

        Assert.That(message.ApplyStatus(MessageStatus.Failed, 30003, "Unreachable", Created.AddSeconds(1)), Is.False);
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Delivered));
        Assert.That(message.ErrorCode, Is.Null);
    }
}
