namespace Messaging.Infrastructure.Webhooks;

/// <summary>The one row that says up to which outbox position events were turned into deliveries.</summary>
internal sealed class WebhookCursor
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Position { get; set; }
}
