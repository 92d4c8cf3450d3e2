using FluentValidation;

namespace Messaging.Application.Webhooks.Commands.RotateWebhookSecret;

public sealed class RotateWebhookSecretCommandValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretCommandValidator()
    {
        RuleFor(x => x.PreviousSecretValidFor)
            .InclusiveBetween(TimeSpan.Zero, RotateWebhookSecretCommand.MaxPreviousSecretValidFor)
            .When(x => x.PreviousSecretValidFor is not null)
            .WithMessage($"'PreviousSecretValidFor' must be from 00:00:00 (the previous secret stops at once) to {RotateWebhookSecretCommand.MaxPreviousSecretValidFor:c}.");
    }
}
