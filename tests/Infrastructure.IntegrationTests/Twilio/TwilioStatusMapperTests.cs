using Messaging.Domain.Messages;
using Messaging.Infrastructure.Twilio;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioStatusMapperTests
{
    [TestCase("accepted", MessageStatus.Accepted)]
    [TestCase("scheduled", MessageStatus.Scheduled)]
    [TestCase("queued", MessageStatus.Queued)]
    [TestCase("sending", MessageStatus.Sending)]
    [TestCase("sent", MessageStatus.Sent)]
    [TestCase("delivered", MessageStatus.Delivered)]
    [TestCase("read", MessageStatus.Read)]
    [TestCase("undelivered", MessageStatus.Undelivered)]
    [TestCase("failed", MessageStatus.Failed)]
    [TestCase("canceled", MessageStatus.Canceled)]
    [TestCase("receiving", MessageStatus.Receiving)]
    [TestCase("received", MessageStatus.Received)]
    [TestCase("Delivered", MessageStatus.Delivered)]
    public void Each_Twilio_status_maps_to_its_message_status(string twilioStatus, MessageStatus expected) =>
        Assert.That(TwilioStatusMapper.ToMessageStatus(twilioStatus), Is.EqualTo(expected));

    [TestCase("partially_delivered")]
    [TestCase("something_new")]
    [TestCase("")]
    [TestCase(null)]
    public void A_status_this_service_does_not_know_counts_as_queued(string? twilioStatus) =>
        Assert.That(TwilioStatusMapper.ToMessageStatus(twilioStatus), Is.EqualTo(MessageStatus.Queued));
}
