using Messaging.Application.Events;
using Messaging.Application.Messages;
using Messaging.Application.Messages.Recording;

namespace Messaging.Application.UnitTests.Messages.Recording;

public sealed class MessageRecorderTests : MessageStoreFixture
{
    private const string Sid = "SM22222222222222222222222222222222";

    private LogSink _logs = null!;

    [SetUp]
    public void SetUp()
    {
        _logs = new LogSink();
        Store.StorePending(PendingStatusUpdate.Create(Sid, MessageStatus.Delivered, null, null, ApplicationServices.Now));
    }

    [Test]
    public async Task Statuses_reported_before_the_save_are_applied_and_the_result_published()
    {
        var dto = await LoggingRecorder().Record(TestMessages.Outbound(Sid, ApplicationServices.Now), PendingStatusFailure.FailRecording, CancellationToken.None);

        Assert.That(dto.Status, Is.EqualTo(MessageStatus.Delivered));
        Assert.That(Store.PendingUpdates, Is.Empty);
        Outbox.Verify(e => e.Add(EventTypes.MessageSent, It.IsAny<string>(), It.Is<MessageDto>(m => m.Id == dto.Id && m.Status == MessageStatus.Delivered)), Times.Once);
    }

    [Test]
    public async Task Keeping_the_message_returns_it_as_stored_and_warns_when_pending_statuses_fail()
    {
        FailToUpdate();

        var dto = await LoggingRecorder().Record(TestMessages.Outbound(Sid, ApplicationServices.Now), PendingStatusFailure.KeepMessage, CancellationToken.None);

        Assert.That(dto.Status, Is.EqualTo(MessageStatus.Queued));
        Assert.That(Store.PendingUpdates, Has.Count.EqualTo(1), "the status waits for the message's next callback");
        Outbox.Verify(e => e.Add(EventTypes.MessageSent, It.IsAny<string>(), It.Is<MessageDto>(m => m.Id == dto.Id)), Times.Once);
        Assert.That(_logs.Entries.Single().Level, Is.EqualTo(LogLevel.Warning));
    }

    [Test]
    public async Task Failing_the_recording_lets_the_failure_through_and_publishes_nothing()
    {
        FailToUpdate();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => LoggingRecorder().Record(TestMessages.Outbound(Sid, ApplicationServices.Now), PendingStatusFailure.FailRecording, CancellationToken.None));

        Outbox.VerifyNoOtherCalls();
        Assert.That(_logs.Entries, Is.Empty, "the caller reports the failure");
    }

    private void FailToUpdate() =>
        Store.Messages
            .Setup(r => r.Update(Sid, It.IsAny<Func<Message, bool>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is locked"));

    private MessageRecorder LoggingRecorder() => Recorder(new SinkLogger<MessageRecorder>(_logs));
}
