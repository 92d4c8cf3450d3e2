namespace Messaging.Api.Controllers;

/// <summary>
/// The optional body of a secret rotation: how long the current secret keeps signing deliveries, after the new one, as
/// <c>d.hh:mm:ss</c> or <c>hh:mm:ss</c> (default <c>1.00:00:00</c>, at most <c>7.00:00:00</c>; <c>00:00:00</c> stops it
/// at once).
/// </summary>
public sealed record RotateWebhookSecretRequest(TimeSpan? PreviousSecretValidFor);
