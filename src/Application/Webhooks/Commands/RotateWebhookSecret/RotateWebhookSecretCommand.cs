namespace Messaging.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Gives subscription <paramref name="Id"/> a new secret; the current one keeps signing deliveries, after the new one,
/// for <paramref name="PreviousSecretValidFor"/> (<see cref="DefaultPreviousSecretValidFor"/> when null, at most
/// <see cref="MaxPreviousSecretValidFor"/>, not at all when zero).
/// </summary>
public sealed record RotateWebhookSecretCommand(Guid Id, TimeSpan? PreviousSecretValidFor) : IRequest<WebhookSubscriptionWithSecretDto>
{
    /// <summary>A day: time for a receiver's owner to deploy the new secret, as Stripe suggests by default.</summary>
    public static readonly TimeSpan DefaultPreviousSecretValidFor = TimeSpan.FromHours(24);

    /// <summary>A week: a leaked secret that is rotated out must stop signing within a bounded time.</summary>
    public static readonly TimeSpan MaxPreviousSecretValidFor = TimeSpan.FromDays(7);
}
