using AutoMapper;

namespace Messaging.Application.Webhooks.Commands.RotateWebhookSecret;

public sealed class RotateWebhookSecretCommandHandler(IWebhookSubscriptionRepository repository, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookSubscriptionWithSecretDto>
{
    public async Task<WebhookSubscriptionWithSecretDto> Handle(RotateWebhookSecretCommand request, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.New();
        var now = timeProvider.GetUtcNow();
        var validFor = request.PreviousSecretValidFor ?? RotateWebhookSecretCommand.DefaultPreviousSecretValidFor;
        var subscription = await repository.Update(request.Id, s => s.RotateSecret(secret, now, validFor), cancellationToken)
            ?? throw NotFoundException.For("Webhook subscription", request.Id);
        return mapper.Map<WebhookSubscriptionWithSecretDto>(subscription);
    }
}
