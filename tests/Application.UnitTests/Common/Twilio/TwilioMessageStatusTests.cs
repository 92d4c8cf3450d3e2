using Messaging.Application.Common.Twilio;

namespace Messaging.Application.UnitTests.Common.Twilio;

public sealed class TwilioMessageStatusTests
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
    [TestCase(" READ ", MessageStatus.Read)]
    public void Each_twilio_status_word_maps_to_its_status(string word, MessageStatus expected)
    {
        Assert.That(TwilioMessageStatus.TryParse(word, out var status), Is.True);
        Assert.That(status, Is.EqualTo(expected));
    }

    [Test]
    public void Every_status_has_a_twilio_word()
    {
        var mapped = Enum.GetValues<MessageStatus>()
            .Where(s => TwilioMessageStatus.TryParse(s.ToString(), out var parsed) && parsed == s);

        Assert.That(mapped, Is.EquivalentTo(Enum.GetValues<MessageStatus>().Except([MessageStatus.Unknown])));
    }

    [Test]
    public void Unknown_is_ours_not_a_word_twilio_reports()
    {
        // A callback saying "unknown" is invalid input, never a way to make a message's outcome unknown again.
        Assert.That(TwilioMessageStatus.TryParse("unknown", out _), Is.False);
    }

    [TestCase("partially_delivered")]
    [TestCase("cancelled")]
    [TestCase("")]
    [TestCase(null)]
    public void Other_words_are_not_statuses(string? word)
    {
        Assert.That(TwilioMessageStatus.TryParse(word, out var status), Is.False);
        Assert.That(status, Is.Null);
    }
}
