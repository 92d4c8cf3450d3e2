namespace Messaging.Domain.Messages;

/// <summary>
/// A status Twilio reported for a message that is not stored yet: Twilio's callback can arrive before the send that
/// created the message has saved it. Kept until the message is stored, then applied and removed.
/// </summary>
public sealed class PendingStatusUpdate
{
    // For EF Core.
    private PendingStatusUpdate()
    {
        WaSid = string.Empty;
    }

    private PendingStatusUpdate(Guid id, string waSid, MessageStatus status, int? errorCode, string? errorMessage, DateTimeOffset receivedAt, Guid? messageId)
    {
        Id = id;
        WaSid = waSid;
        MessageId = messageId;
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    public string WaSid { get; private set; }

    /// <summary>
    /// The id of the message the status is for, as the callback URL named it: how a message stored without a SID
    /// (outcome unknown) learns it when the callback came before the message was stored.
    /// </summary>
    public Guid? MessageId { get; private set; }

    public MessageStatus Status { get; private set; }

    public int? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public static PendingStatusUpdate Create(
        string waSid, MessageStatus status, int? errorCode, string? errorMessage, DateTimeOffset receivedAt, Guid? messageId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        return new PendingStatusUpdate(Guid.CreateVersion7(receivedAt), waSid, status, errorCode, errorMessage, receivedAt, messageId);
    }

    /// <summary>Applies this status to the message it was reported for; false when the message does not take it.</summary>
    public bool ApplyTo(Message message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.WaSid != WaSid)
        {
            throw new InvalidOperationException("A pending status applies only to the message with its SID.");
        }

        return message.ApplyStatus(Status, ErrorCode, ErrorMessage, at);
    }
}
