using Messaging.Application.Messages;
using Messaging.Infrastructure.Events;

namespace Messaging.Infrastructure.IntegrationTests.Events;

public sealed class MessageEventBroadcasterTests
{
    [Test]
    public void Every_listener_hears_every_message_in_order()
    {
        var broadcaster = new MessageEventBroadcaster();
        using var first = broadcaster.Subscribe();
        using var second = broadcaster.Subscribe();
        var messages = Enumerable.Range(0, 3).Select(_ => new MessageDto { Id = Guid.NewGuid() }).ToList();

        messages.ForEach(broadcaster.Publish);

        Assert.Multiple(() =>
        {
            Assert.That(Drain(first), Is.EqualTo(messages));
            Assert.That(Drain(second), Is.EqualTo(messages));
        });
    }

    [Test]
    public void A_listener_that_falls_behind_keeps_the_newest_messages_and_holds_up_nobody()
    {
        var broadcaster = new MessageEventBroadcaster();
        using var stalled = broadcaster.Subscribe();
        var messages = Enumerable.Range(0, MessageEventBroadcaster.ListenerCapacity + 10)
            .Select(_ => new MessageDto { Id = Guid.NewGuid() })
            .ToList();

        messages.ForEach(broadcaster.Publish);

        Assert.That(Drain(stalled), Is.EqualTo(messages.Skip(10)));
    }

    [Test]
    public void A_listener_that_left_is_forgotten_and_its_queue_completed()
    {
        var broadcaster = new MessageEventBroadcaster();
        var subscription = broadcaster.Subscribe();

        subscription.Dispose();
        broadcaster.Publish(new MessageDto { Id = Guid.NewGuid() });

        Assert.Multiple(() =>
        {
            Assert.That(broadcaster.ListenerCount, Is.Zero);
            Assert.That(subscription.Reader.Completion.IsCompleted, Is.True);
        });
    }

    private static List<MessageDto> Drain(MessageEventSubscription subscription)
    {
        var received = new List<MessageDto>();
        while (subscription.Reader.TryRead(out var message))
        {
            received.Add(message);
        }

        return received;
    }
}
