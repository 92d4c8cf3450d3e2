using Messaging.Application.Events;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Recording;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Messaging.Application.UnitTests.Messages.Recording;

public sealed class MessageRecorderTests
{
    private const string Sid = "SM22222222222222222222222222222222";

    private MessageStore _store = null!;
    private FakeTimeProvider _time = null!;
    private Mock<IEventOutbox> _events = null!;
    private LogSink _logs = null!;

    [SetUp]
    public void SetUp()
    {
        _store = new MessageStore();
        _time = new FakeTimeProvider(ApplicationServices.Now);
        _events = new Mock<IEventOutbox>();
        _logs = new LogSink();
        _store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Delivered, null, null, ApplicationServices.Now));
    }

    [Test]
    public async Task Statuses_reported_before_the_save_are_applied_and_the_result_published()
    {
        var dto = await Recorder().Record(TestMessages.Outbound(Sid, ApplicationServices.Now), PendingStatusFailure.FailRecording, CancellationToken.None);

        Assert.That(dto.Status, Is.EqualTo(MessageStatus.Delivered));
        Assert.That(_store.PendingUpdates, Is.Empty);
        _events.Verify(e => e.Add(EventTypes.MessageSent, It.IsAny<string>(), It.Is<MessageDto>(m => m.Id == dto.Id && m.Status == MessageStatus.Delivered)), Times.Once);
    }

    [Test]
    public async Task Keeping_the_message_returns_it_as_stored_and_warns_when_pending_statuses_fail()
    {
        FailToUpdate();

        var dto = await Recorder().Record(TestMessages.Outbound(Sid, ApplicationServices.Now), PendingStatusFailure.KeepMessage, CancellationToken.None);

        Assert.That(dto.Status, Is.EqualTo(MessageStatus.Queued));
        Assert.That(_store.PendingUpdates, Has.Count.EqualTo(1), "the status waits for the message's next callback");
        _events.Verify(e => e.Add(EventTypes.MessageSent, It.IsAny<string>(), It.Is<MessageDto>(m => m.Id == dto.Id)), Times.Once);
        Assert.That(_logs.Entries.Single().Level, Is.EqualTo(LogLevel.Warning));
    }

    [Test]
    public async Task Failing_the_recording_lets_the_failure_through_and_publishes_nothing()
    {
        FailToUpdate();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Recorder().Record(TestMessages.Outbound(Sid, ApplicationServices.Now), PendingStatusFailure.FailRecording, CancellationToken.None));

        _events.VerifyNoOtherCalls();
        Assert.That(_logs.Entries, Is.Empty, "the caller reports the failure");
    }

    private void FailToUpdate() =>
        _store.Messages
            .Setup(r => r.Update(Sid, It.IsAny<Func<Message, bool>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is locked"));

    private MessageRecorder Recorder() =>
        TestRecorder.Create(_store.Messages.Object, _store.Pending.Object, _time, _events.Object, new SinkLogger<MessageRecorder>(_logs));
}
