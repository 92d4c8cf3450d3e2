using Messaging.Application.Webhooks;
using Messaging.Application.Webhooks.Commands.RotateWebhookSecret;
using Messaging.Domain.Webhooks;

namespace Messaging.Application.UnitTests.Webhooks;

public sealed class RotateWebhookSecretCommandHandlerTests
{
    private const string OldSecret = "whsec_b2xkLXNlY3JldA==";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private Mock<IWebhookSubscriptionRepository> _repository = null!;
    private WebhookSubscription _stored = null!;

    [SetUp]
    public void CreateRepository()
    {
        _stored = WebhookSubscription.Create(Guid.NewGuid(), "https://billing.example.com/events", ["message.sent"], OldSecret, Now.AddDays(-3), 0);
        _repository = new Mock<IWebhookSubscriptionRepository>(MockBehavior.Strict);

        // As the repository does: the change is applied to the stored subscription, which is returned as stored.
        _repository.Setup(r => r.Update(_stored.Id, It.IsAny<Action<WebhookSubscription>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, Action<WebhookSubscription> change, CancellationToken _) =>
            {
                change(_stored);
                return _stored;
            });
    }

    [Test]
    public async Task A_new_secret_is_stored_and_shown_and_the_old_one_signs_for_a_day_by_default()
    {
        var rotated = await Handler().Handle(new RotateWebhookSecretCommand(_stored.Id, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.Secret, Is.EqualTo(_stored.Secret).And.StartWith(WebhookSecrets.Prefix).And.Not.EqualTo(OldSecret));
            Assert.That(rotated.Id, Is.EqualTo(_stored.Id));
            Assert.That(rotated.PreviousSecretExpiresAt, Is.EqualTo(Now.AddHours(24)));
            Assert.That(_stored.SigningSecretsAt(Now), Is.EqualTo(new[] { rotated.Secret, OldSecret }));
        });
    }

    [Test]
    public async Task The_overlap_asked_for_is_the_one_stored()
    {
        var rotated = await Handler().Handle(new RotateWebhookSecretCommand(_stored.Id, TimeSpan.FromMinutes(90)), CancellationToken.None);

        Assert.That(rotated.PreviousSecretExpiresAt, Is.EqualTo(Now.AddMinutes(90)));
    }

    [Test]
    public async Task With_no_overlap_the_old_secret_stops_signing_at_once()
    {
        var rotated = await Handler().Handle(new RotateWebhookSecretCommand(_stored.Id, TimeSpan.Zero), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(rotated.PreviousSecretExpiresAt, Is.Null);
            Assert.That(_stored.SigningSecretsAt(Now), Is.EqualTo(new[] { rotated.Secret }));
        });
    }

    [Test]
    public async Task An_unknown_subscription_is_not_found()
    {
        var unknown = Guid.NewGuid();
        _repository.Setup(r => r.Update(unknown, It.IsAny<Action<WebhookSubscription>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((WebhookSubscription?)null);

        await Assert.ThrowsAsync<NotFoundException>(
            () => Handler().Handle(new RotateWebhookSecretCommand(unknown, null), CancellationToken.None));
    }

    private RotateWebhookSecretCommandHandler Handler() => new(_repository.Object, new FakeTimeProvider(Now), TestMapper.Instance);
}
