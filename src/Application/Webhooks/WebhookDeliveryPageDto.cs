namespace Messaging.Application.Webhooks;

/// <summary>A page of deliveries, newest event first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record WebhookDeliveryPageDto(IReadOnlyList<WebhookDeliveryDto> Items, string? NextCursor);
