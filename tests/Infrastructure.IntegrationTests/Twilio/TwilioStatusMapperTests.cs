namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>
/// The word table itself is tested with <c>TwilioMessageStatus</c> in Application; the mapper adds only the fallback for
/// words it does not know.
/// </summary>
public sealed class TwilioStatusMapperTests
{
    [Test]
    public void A_known_status_maps_through_the_application_table() =>
        Assert.That(TwilioStatusMapper.ToMessageStatus("Delivered"), Is.EqualTo(MessageStatus.Delivered));

    [TestCase("partially_delivered")]
    [TestCase("something_new")]
    [TestCase("")]
    [TestCase(null)]
    public void A_status_this_service_does_not_know_counts_as_queued(string? twilioStatus) =>
        Assert.That(TwilioStatusMapper.ToMessageStatus(twilioStatus), Is.EqualTo(MessageStatus.Queued));
}
