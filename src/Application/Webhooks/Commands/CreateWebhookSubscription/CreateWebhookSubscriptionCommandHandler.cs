using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Webhooks;
using Microsoft.Extensions.Options;

namespace Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;

public sealed class CreateWebhookSubscriptionCommandHandler : IRequestHandler<CreateWebhookSubscriptionCommand, CreatedWebhookSubscriptionDto>
{
    private readonly IWebhookSubscriptionRepository _repository;
    private readonly IWebhookAddressCheck _addressCheck;
    private readonly IEventLog _events;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookOptions _options;

    public CreateWebhookSubscriptionCommandHandler(
        IWebhookSubscriptionRepository repository,
        IWebhookAddressCheck addressCheck,
        IEventLog events,
        TimeProvider timeProvider,
        IOptions<WebhookOptions> options)
    {
        _repository = repository;
        _addressCheck = addressCheck;
        _events = events;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    public async Task<CreatedWebhookSubscriptionDto> Handle(CreateWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var url = new Uri(request.Url, UriKind.Absolute);
        if (await _addressCheck.RefusalFor(url, cancellationToken) is { } refusal)
        {
            throw new WebhookUrlNotAllowedException(refusal);
        }

        // Events already in the outbox are history to this subscriber: it receives those committed from now on.
        var head = await _events.Head(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var subscription = WebhookSubscription.Create(
            Guid.CreateVersion7(now), request.Url, request.EventTypes!, WebhookSecrets.New(), now, head);
        if (!await _repository.AddWithin(subscription, _options.MaxSubscriptions, cancellationToken))
        {
            throw WebhookSubscriptionLimitException.For(_options.MaxSubscriptions);
        }

        return CreatedWebhookSubscriptionDto.From(subscription);
    }
}
