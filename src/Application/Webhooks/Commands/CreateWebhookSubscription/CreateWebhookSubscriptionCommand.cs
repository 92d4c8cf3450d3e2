namespace Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;

/// <summary>Subscribes <paramref name="Url"/> to the events of <paramref name="EventTypes"/> (one or more of <see cref="Events.EventTypes.All"/>).</summary>
public sealed record CreateWebhookSubscriptionCommand(string Url, IReadOnlyList<string>? EventTypes) : IRequest<WebhookSubscriptionWithSecretDto>;
