namespace Messaging.Application.Webhooks.Commands.DeleteWebhookSubscription;

public sealed class DeleteWebhookSubscriptionCommandHandler(IWebhookSubscriptionRepository repository) : IRequestHandler<DeleteWebhookSubscriptionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        if (!await repository.Remove(request.Id, cancellationToken))
        {
            throw NotFoundException.For("Webhook subscription", request.Id);
        }

        return Unit.Value;
    }
}
