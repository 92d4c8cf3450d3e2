namespace Messaging.Domain.UnitTests.Messages;

public sealed class PendingStatusUpdateTests
{
    private static readonly DateTimeOffset Received = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void A_pending_status_needs_the_sid_it_was_reported_for(string? sid) =>
        Assert.That(() => PendingStatusUpdate.Create(sid!, MessageStatus.Sent, null, null, Received), Throws.InstanceOf<ArgumentException>());

    [Test]
    public void A_pending_status_applies_the_forward_only_rule_to_its_message()
    {
        var message = Message.Outbound(
            "SM1", WhatsAppAddress.FromE164("+14155238886"), WhatsAppAddress.FromE164("+14155550123"), "hi", null, null, MessageStatus.Read, Received);
        var late = PendingStatusUpdate.Create("SM1", MessageStatus.Delivered, null, null, Received);

        Assert.That(late.ApplyTo(message, Received.AddMinutes(1)), Is.False);
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Read));
        Assert.That(message.UpdatedAt, Is.EqualTo(Received));
    }

    [Test]
    public void A_pending_failure_carries_twilios_error_to_the_message()
    {
        var message = Message.Outbound(
            "SM1", WhatsAppAddress.FromE164("+14155238886"), WhatsAppAddress.FromE164("+14155550123"), "hi", null, null, MessageStatus.Sent, Received);
        var failed = PendingStatusUpdate.Create("SM1", MessageStatus.Failed, 30008, "Unknown error", Received);

        Assert.That(failed.ApplyTo(message, Received.AddMinutes(1)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo(30008));
            Assert.That(message.ErrorMessage, Is.EqualTo("Unknown error"));
            Assert.That(failed.Id.Version, Is.EqualTo(7));
        });
    }
}
