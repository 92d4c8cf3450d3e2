using AutoMapper;
using Messaging.Domain.Webhooks;

namespace Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;

public sealed class CreateWebhookSubscriptionCommandHandler(
    IWebhookSubscriptionRepository repository,
    IWebhookAddressCheck addressCheck,
    IEventLog events,
    TimeProvider timeProvider,
    IOptions<WebhookOptions> options,
    IMapper mapper) : IRequestHandler<CreateWebhookSubscriptionCommand, WebhookSubscriptionWithSecretDto>
{
    private readonly WebhookOptions _options = options.Value;

    public async Task<WebhookSubscriptionWithSecretDto> Handle(CreateWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var url = new Uri(request.Url, UriKind.Absolute);
        if (await addressCheck.RefusalFor(url, cancellationToken) is { } refusal)
        {
            throw new WebhookUrlNotAllowedException(refusal);
        }

        // Events already in the outbox are history to this subscriber: it receives those committed from now on.
        var head = await events.Head(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var subscription = WebhookSubscription.Create(
            Guid.CreateVersion7(now), request.Url, request.EventTypes!, WebhookSecrets.New(), now, head);
        if (!await repository.AddWithin(subscription, _options.MaxSubscriptions, cancellationToken))
        {
            throw WebhookSubscriptionLimitException.For(_options.MaxSubscriptions);
        }

        return mapper.Map<WebhookSubscriptionWithSecretDto>(subscription);
    }
}
