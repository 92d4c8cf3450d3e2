namespace Messaging.Application.Webhooks.Commands.DeleteWebhookSubscription;

/// <summary>Deletes a subscription with its deliveries: nothing more is delivered to it.</summary>
public sealed record DeleteWebhookSubscriptionCommand(Guid Id) : IRequest<Unit>;
