using Messaging.Application.Webhooks;
using Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;
using Messaging.Domain.Webhooks;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.Webhooks;

public sealed class CreateWebhookSubscriptionCommandHandlerTests
{
    private const string Url = "https://billing.example.com/events";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private Mock<IWebhookSubscriptionRepository> _repository = null!;
    private Mock<IWebhookAddressCheck> _addressCheck = null!;
    private Mock<IEventLog> _events = null!;

    [SetUp]
    public void CreatePorts()
    {
        _repository = new Mock<IWebhookSubscriptionRepository>(MockBehavior.Strict);
        _addressCheck = new Mock<IWebhookAddressCheck>(MockBehavior.Strict);
        _events = new Mock<IEventLog>(MockBehavior.Strict);
    }

    [Test]
    public async Task A_subscription_starts_after_the_events_already_in_the_outbox_and_its_secret_is_returned()
    {
        _addressCheck.Setup(c => c.RefusalFor(new Uri(Url), It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        _events.Setup(e => e.Head(It.IsAny<CancellationToken>())).ReturnsAsync(41);
        WebhookSubscription? stored = null;
        _repository.Setup(r => r.AddWithin(It.IsAny<WebhookSubscription>(), 20, It.IsAny<CancellationToken>()))
            .Callback<WebhookSubscription, int, CancellationToken>((s, _, _) => stored = s)
            .ReturnsAsync(true);

        var created = await Handler().Handle(new CreateWebhookSubscriptionCommand(Url, ["message.sent"]), CancellationToken.None);

        Assert.That(stored, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.StartAfterPosition, Is.EqualTo(41));
            Assert.That(stored.Wants("message.sent", 41), Is.False);
            Assert.That(stored.Wants("message.sent", 42), Is.True);
            Assert.That(stored.Wants("message.received", 42), Is.False);
            Assert.That(created.Secret, Is.EqualTo(stored.Secret).And.StartWith(WebhookSecrets.Prefix));
            Assert.That(created.Id, Is.EqualTo(stored.Id));
            Assert.That(created.CreatedAt, Is.EqualTo(Now));
            Assert.That(created.Status, Is.EqualTo(WebhookSubscriptionStatus.Active));
        });
    }

    [Test]
    public async Task A_refused_address_stores_nothing()
    {
        _addressCheck.Setup(c => c.RefusalFor(It.IsAny<Uri>(), It.IsAny<CancellationToken>())).ReturnsAsync("not public");

        var refused = await Assert.ThrowsAsync<WebhookUrlNotAllowedException>(
            () => Handler().Handle(new CreateWebhookSubscriptionCommand(Url, ["message.sent"]), CancellationToken.None));

        Assert.That(refused!.Message, Is.EqualTo("not public"));
        _repository.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_full_set_of_subscriptions_is_refused_with_the_limit()
    {
        _addressCheck.Setup(c => c.RefusalFor(It.IsAny<Uri>(), It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        _events.Setup(e => e.Head(It.IsAny<CancellationToken>())).ReturnsAsync(0);
        _repository.Setup(r => r.AddWithin(It.IsAny<WebhookSubscription>(), 20, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var refused = await Assert.ThrowsAsync<WebhookSubscriptionLimitException>(
            () => Handler().Handle(new CreateWebhookSubscriptionCommand(Url, ["message.sent"]), CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("20"));
    }

    private CreateWebhookSubscriptionCommandHandler Handler() =>
        new(_repository.Object, _addressCheck.Object, _events.Object, new FakeTimeProvider(Now), Options.Create(new WebhookOptions()), TestMapper.Instance);
}
