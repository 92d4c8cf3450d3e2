using Messaging.Application.Messages.PendingStatuses;

namespace Messaging.Application.UnitTests.Messages.PendingStatuses;

public sealed class PendingStatusReconcilerTests : MessageStoreFixture
{
    private const string Sid = "SM11111111111111111111111111111111";

    [Test]
    public async Task Nothing_pending_reads_no_message()
    {
        Store.Store(TestMessages.Outbound(Sid, ApplicationServices.Now));

        var result = await Reconciler().ApplyPending(Sid, CancellationToken.None);

        Assert.That(result, Is.Null);
        Assert.That(Store.Calls, Is.EqualTo((string[])["list pending"]));
    }

    [Test]
    public async Task Pending_statuses_are_applied_to_the_stored_message_and_removed()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        Store.Store(message);
        Store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Read, null, null, ApplicationServices.Now));
        Store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Sent, null, null, ApplicationServices.Now.AddSeconds(1)));
        Clock.Advance(TimeSpan.FromSeconds(5));

        var result = await Reconciler().ApplyPending(Sid, CancellationToken.None);

        Assert.That(result, Is.SameAs(message));
        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Read));
            Assert.That(message.UpdatedAt, Is.EqualTo(ApplicationServices.Now.AddSeconds(5)));
            Assert.That(Store.PendingUpdates, Is.Empty);
            Assert.That(Store.Calls, Is.EqualTo((string[])["list pending", "update message", "remove pending"]));
        });
    }

    [Test]
    public async Task A_failure_keeps_twilios_error_code_and_message()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        Store.Store(message);
        Store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Failed, 63016, "Outside the allowed window", ApplicationServices.Now));

        await Reconciler().ApplyPending(Sid, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(message.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(message.ErrorCode, Is.EqualTo(63016));
            Assert.That(message.ErrorMessage, Is.EqualTo("Outside the allowed window"));
        });
    }

    [Test]
    public async Task Statuses_for_a_message_not_stored_yet_stay_pending()
    {
        var update = PendingStatusUpdate.Create(Sid, MessageStatus.Delivered, null, null, ApplicationServices.Now);
        Store.StorePending(update);

        var result = await Reconciler().ApplyPending(Sid, CancellationToken.None);

        Assert.That(result, Is.Null);
        Assert.That(Store.PendingUpdates, Is.EqualTo(new[] { update }));
        Store.Pending.Verify(p => p.Remove(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Only_the_statuses_that_were_applied_are_removed()
    {
        var message = TestMessages.Outbound(Sid, ApplicationServices.Now);
        Store.Store(message);
        Store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Sent, null, null, ApplicationServices.Now));
        var arrivedMeanwhile = PendingStatusUpdate.Create(Sid, MessageStatus.Read, null, null, ApplicationServices.Now.AddSeconds(1));
        Store.BeforeUpdate = () => Store.StorePending(arrivedMeanwhile);

        await Reconciler().ApplyPending(Sid, CancellationToken.None);

        Assert.That(message.Status, Is.EqualTo(MessageStatus.Sent));
        Assert.That(Store.PendingUpdates, Is.EqualTo(new[] { arrivedMeanwhile }));
    }

    [Test]
    public void A_pending_status_refuses_a_message_with_another_sid()
    {
        var update = PendingStatusUpdate.Create(Sid, MessageStatus.Read, null, null, ApplicationServices.Now);
        var other = TestMessages.Outbound("SM22222222222222222222222222222222", ApplicationServices.Now);

        Assert.Throws<InvalidOperationException>(() => update.ApplyTo(other, ApplicationServices.Now));
        Assert.That(other.Status, Is.EqualTo(MessageStatus.Queued));
    }

    private PendingStatusReconciler Reconciler() => new(Store.Messages.Object, Store.Pending.Object, Clock);
}
