using Messaging.Domain.Conversations;

namespace Messaging.Domain.UnitTests.Conversations;

public sealed class CustomerServiceWindowTests
{
    private static readonly DateTimeOffset LastInbound = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_contact_who_never_wrote_has_no_window()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CustomerServiceWindow.OpenUntil(null), Is.Null);
            Assert.That(CustomerServiceWindow.IsOpen(null, LastInbound), Is.False);
        });
    }

    [Test]
    public void The_window_closes_24_hours_after_the_last_inbound_message()
    {
        Assert.That(CustomerServiceWindow.OpenUntil(LastInbound), Is.EqualTo(new DateTimeOffset(2025, 3, 2, 12, 0, 0, TimeSpan.Zero)));
    }

    [TestCase(0L, true, TestName = "At the inbound message")]
    [TestCase(TimeSpan.TicksPerHour * 24 - 1, true, TestName = "One tick before 24 hours")]
    [TestCase(TimeSpan.TicksPerHour * 24, false, TestName = "At exactly 24 hours")]
    [TestCase(TimeSpan.TicksPerHour * 24 + 1, false, TestName = "One tick after 24 hours")]
    [TestCase(-TimeSpan.TicksPerMinute, true, TestName = "Clock behind the inbound time")]
    public void Is_open_from_the_inbound_message_until_just_before_24_hours(long ticksAfterInbound, bool open)
    {
        Assert.That(CustomerServiceWindow.IsOpen(LastInbound, LastInbound.AddTicks(ticksAfterInbound)), Is.EqualTo(open));
    }

    [Test]
    public void Offsets_do_not_move_the_window()
    {
        var sameInstantElsewhere = LastInbound.ToOffset(TimeSpan.FromHours(-7));

        Assert.That(CustomerServiceWindow.IsOpen(sameInstantElsewhere, LastInbound.AddHours(23)), Is.True);
        Assert.That(CustomerServiceWindow.IsOpen(sameInstantElsewhere, LastInbound.AddHours(24)), Is.False);
    }
}
