using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;

namespace Messaging.Application.Webhooks.Commands.DeleteWebhookSubscription;

public sealed class DeleteWebhookSubscriptionCommandHandler : IRequestHandler<DeleteWebhookSubscriptionCommand, Unit>
{
    private readonly IWebhookSubscriptionRepository _repository;

    public DeleteWebhookSubscriptionCommandHandler(IWebhookSubscriptionRepository repository)
    {
        _repository = repository;
    }

    public async Task<Unit> Handle(DeleteWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        if (!await _repository.Remove(request.Id, cancellationToken))
        {
            throw NotFoundException.For("Webhook subscription", request.Id);
        }

        return Unit.Value;
    }
}
