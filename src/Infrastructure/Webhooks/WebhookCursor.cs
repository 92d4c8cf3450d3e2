using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>The one row that says up to which outbox position events were turned into deliveries.</summary>
internal sealed class WebhookCursor : PositionRow;
