using Messaging.Application.Webhooks.Commands.RedeliverWebhookDelivery;
using Messaging.Domain.Webhooks;

namespace Messaging.Application.UnitTests.Webhooks;

public sealed class RedeliverWebhookDeliveryCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private Mock<IWebhookSubscriptionRepository> _repository = null!;

    [SetUp]
    public void CreateRepository() => _repository = new Mock<IWebhookSubscriptionRepository>(MockBehavior.Strict);

    [Test]
    public async Task A_delivery_is_queued_again_due_now()
    {
        var subscription = Subscription();
        var deliveryId = Guid.NewGuid();
        _repository.Setup(r => r.Find(subscription.Id, It.IsAny<CancellationToken>())).ReturnsAsync(subscription);
        _repository.Setup(r => r.Redeliver(subscription.Id, deliveryId, Now, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler().Handle(new RedeliverWebhookDeliveryCommand(subscription.Id, deliveryId), CancellationToken.None);

        _repository.Verify(r => r.Redeliver(subscription.Id, deliveryId, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_delivery_the_subscription_does_not_have_is_not_found()
    {
        var subscription = Subscription();
        _repository.Setup(r => r.Find(subscription.Id, It.IsAny<CancellationToken>())).ReturnsAsync(subscription);
        _repository.Setup(r => r.Redeliver(subscription.Id, It.IsAny<Guid>(), Now, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await Assert.ThrowsAsync<NotFoundException>(
            () => Handler().Handle(new RedeliverWebhookDeliveryCommand(subscription.Id, Guid.NewGuid()), CancellationToken.None));
    }

    [Test]
    public async Task An_unknown_subscription_is_not_found()
    {
        _repository.Setup(r => r.Find(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync((WebhookSubscription?)null);

        await Assert.ThrowsAsync<NotFoundException>(
            () => Handler().Handle(new RedeliverWebhookDeliveryCommand(Guid.NewGuid(), Guid.NewGuid()), CancellationToken.None));
        _repository.Verify(r => r.Redeliver(It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private RedeliverWebhookDeliveryCommandHandler Handler() => new(_repository.Object, new FakeTimeProvider(Now));

    private static WebhookSubscription Subscription() =>
        WebhookSubscription.Create(Guid.NewGuid(), "https://billing.example.com/events", ["message.sent"], "whsec_x", Now, 0);
}
