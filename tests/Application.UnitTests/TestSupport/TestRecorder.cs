using Messaging.Application.Messages.PendingStatuses;
using Messaging.Application.Messages.Recording;
using Microsoft.Extensions.Logging.Abstractions;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>The real <see cref="MessageRecorder"/> over the given ports, running each unit of work at once.</summary>
public static class TestRecorder
{
    public static MessageRecorder Create(
        IMessageRepository messages,
        IPendingStatusUpdateRepository pending,
        TimeProvider timeProvider,
        IEventOutbox? events = null,
        ILogger<MessageRecorder>? logger = null) =>
        new(
            messages,
            pending,
            new InlineUnitOfWork(),
            new PendingStatusReconciler(messages, pending, timeProvider),
            TestMapper.Instance,
            new MessageEvents(events ?? Mock.Of<IEventOutbox>(), TestMapper.Instance),
            logger ?? NullLogger<MessageRecorder>.Instance,
            TestTelemetry.Instance);
}
