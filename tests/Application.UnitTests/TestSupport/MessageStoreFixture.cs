using Messaging.Application.Messages.Recording;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>
/// What the tests of recording messages work against, fresh for every test: a <see cref="MessageStore"/>, a clock
/// standing at <see cref="ApplicationServices.Now"/> and an event outbox to verify.
/// </summary>
public abstract class MessageStoreFixture
{
    protected MessageStore Store { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected Mock<IEventOutbox> Outbox { get; private set; } = null!;

    [SetUp]
    public void CreateStore()
    {
        Store = new MessageStore();
        Clock = new FakeTimeProvider(ApplicationServices.Now);
        Outbox = new Mock<IEventOutbox>();
    }

    /// <summary>The real recorder over <see cref="Store"/>, <see cref="Clock"/> and <see cref="Outbox"/>.</summary>
    protected MessageRecorder Recorder(ILogger<MessageRecorder>? logger = null) =>
        TestRecorder.Create(Store.Messages.Object, Store.Pending.Object, Clock, Outbox.Object, logger);
}
