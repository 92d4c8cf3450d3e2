using Messaging.Domain.Webhooks;

namespace Messaging.Domain.UnitTests.Webhooks;

public sealed class WebhookSubscriptionTests
{
    private const string First = "whsec_first";
    private const string Second = "whsec_second";
    private const string Third = "whsec_third";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Test]
    public void A_new_subscription_signs_with_its_secret_alone()
    {
        AssertSignsWithItsSecretAlone(Subscription(), First);
    }

    [Test]
    public void After_a_rotation_both_secrets_sign_the_new_one_first_until_the_previous_one_expires()
    {
        var subscription = Subscription();

        subscription.RotateSecret(Second, Now, Day);

        Assert.Multiple(() =>
        {
            Assert.That(subscription.Secret, Is.EqualTo(Second));
            Assert.That(subscription.PreviousSecretExpiresAt, Is.EqualTo(Now + Day));
            Assert.That(subscription.SigningSecretsAt(Now), Is.EqualTo(new[] { Second, First }));
            Assert.That(subscription.SigningSecretsAt(Now + Day - TimeSpan.FromTicks(1)), Is.EqualTo(new[] { Second, First }));
            Assert.That(subscription.SigningSecretsAt(Now + Day), Is.EqualTo(new[] { Second }));
        });
    }

    [Test]
    public void A_rotation_with_no_overlap_keeps_no_previous_secret()
    {
        var subscription = Subscription();

        subscription.RotateSecret(Second, Now, TimeSpan.Zero);

        AssertSignsWithItsSecretAlone(subscription, Second);
    }

    [Test]
    public void Rotating_again_during_the_overlap_replaces_the_previous_secret_with_the_current_one()
    {
        var subscription = Subscription();
        subscription.RotateSecret(Second, Now, Day);

        subscription.RotateSecret(Third, Now.AddHours(1), TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(subscription.SigningSecretsAt(Now.AddHours(1)), Is.EqualTo(new[] { Third, Second }));
            Assert.That(subscription.PreviousSecretExpiresAt, Is.EqualTo(Now.AddHours(3)));
        });
    }

    [Test]
    public void A_rotation_needs_another_secret_and_an_overlap_of_zero_or_more()
    {
        var subscription = Subscription();

        Assert.Multiple(() =>
        {
            Assert.That(() => subscription.RotateSecret(First, Now, Day), Throws.ArgumentException);
            Assert.That(() => subscription.RotateSecret("", Now, Day), Throws.ArgumentException);
            Assert.That(() => subscription.RotateSecret(Second, Now, TimeSpan.FromTicks(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
        AssertSignsWithItsSecretAlone(subscription, First);
    }

    private static void AssertSignsWithItsSecretAlone(WebhookSubscription subscription, string secret)
    {
        Assert.Multiple(() =>
        {
            Assert.That(subscription.Secret, Is.EqualTo(secret));
            Assert.That(subscription.SigningSecretsAt(Now), Is.EqualTo(new[] { secret }));
            Assert.That(subscription.PreviousSecret, Is.Null);
            Assert.That(subscription.PreviousSecretExpiresAt, Is.Null);
        });
    }

    private static WebhookSubscription Subscription() =>
        WebhookSubscription.Create(Guid.NewGuid(), "https://billing.example.com/events", ["message.sent"], First, Now, 0);
}
