using System.Globalization;
using Messaging.Application.Webhooks.Commands.RotateWebhookSecret;

namespace Messaging.Application.UnitTests.Webhooks;

public sealed class RotateWebhookSecretCommandValidatorTests
{
    private readonly RotateWebhookSecretCommandValidator _validator = new();

    [TestCase(null)]
    [TestCase("00:00:00")]
    [TestCase("00:00:01")]
    [TestCase("1.00:00:00")]
    [TestCase("7.00:00:00")]
    public void Accepts(string? previousSecretValidFor) =>
        Assert.That(_validator.Validate(Command(previousSecretValidFor)).Errors, Is.Empty);

    [TestCase("-00:00:01")]
    [TestCase("7.00:00:01")]
    [TestCase("30.00:00:00")]
    public void Refuses_an_overlap_below_zero_or_over_a_week(string previousSecretValidFor)
    {
        var result = _validator.Validate(Command(previousSecretValidFor));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "PreviousSecretValidFor" }));
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("7.00:00:00"));
    }

    private static RotateWebhookSecretCommand Command(string? previousSecretValidFor) =>
        new(Guid.NewGuid(), previousSecretValidFor is null ? null : TimeSpan.Parse(previousSecretValidFor, CultureInfo.InvariantCulture));
}
