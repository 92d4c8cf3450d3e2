namespace Messaging.Domain.Messages;

/// <summary>One WhatsApp message, sent or received, as Twilio knows it.</summary>
public sealed class Message
{
    private List<MessageMedia> _media = [];

    // For EF Core.
    private Message()
    {
        From = string.Empty;
        To = string.Empty;
    }

    private Message(
        Guid id,
        string? waSid,
        MessageDirection direction,
        WhatsAppAddress from,
        WhatsAppAddress to,
        string? body,
        IEnumerable<MessageMedia>? media,
        string? contentSid,
        MessageStatus status,
        DateTimeOffset at)
    {
        _media = media?.ToList() ?? [];
        if (contentSid is not null && _media.Count > 0)
        {
            throw new ArgumentException("A template message carries the template's own media, never media URLs of its own.", nameof(media));
        }

        Id = id;
        WaSid = waSid;
        Direction = direction;
        From = from.Value;
        To = to.Value;
        Body = body;
        ContentSid = contentSid;
        Status = status;
        CreatedAt = at;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>
    /// Twilio's SID (<c>SM…</c>/<c>MM…</c>); null for a send Twilio rejected, and for one whose outcome is
    /// <see cref="MessageStatus.Unknown"/> until Twilio's callback or the reconciler names it.
    /// </summary>
    public string? WaSid { get; private set; }

    public MessageDirection Direction { get; private set; }

    public string From { get; private set; }

    public string To { get; private set; }

    /// <summary>
    /// What the message says. For a template message (<see cref="ContentSid"/> set) it is the text the customer received:
    /// the template's text with its variables filled in, so threads, previews and searches show it like any other text.
    /// Template messages stored before that was kept have none.
    /// </summary>
    public string? Body { get; private set; }

    public IReadOnlyList<MessageMedia> Media => _media;

    public IReadOnlyList<string> MediaUrls => _media.ConvertAll(m => m.Url);

    /// <summary>The customer's WhatsApp profile name, as Twilio reported it with an inbound message.</summary>
    public string? ProfileName { get; private set; }

    /// <summary>The approved template sent instead of free-form content; its media, if any, are the template's own.</summary>
    public string? ContentSid { get; private set; }

    public MessageStatus Status { get; private set; }

    public int? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The other party of the conversation.</summary>
    public string Contact => Direction == MessageDirection.Outbound ? To : From;

    /// <summary>
    /// An outbound message Twilio accepted under <paramref name="waSid"/>. For a template (<paramref name="contentSid"/>),
    /// <paramref name="body"/> is the rendered text (see <see cref="Body"/>).
    /// </summary>
    public static Message Outbound(
        string waSid,
        WhatsAppAddress from,
        WhatsAppAddress to,
        string? body,
        IEnumerable<string>? mediaUrls,
        string? contentSid,
        MessageStatus status,
        DateTimeOffset at,
        Guid? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        if (!MessageStatusRules.IsOutbound(status) || status == MessageStatus.Unknown)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An outbound message takes a status Twilio reports for one.");
        }

        return new Message(id ?? NewId(at), waSid, MessageDirection.Outbound, from, to, body, ToMedia(mediaUrls), contentSid, status, at);
    }

    /// <summary>An outbound message Twilio refused; kept so the dashboard shows what failed and why.</summary>
    public static Message Rejected(
        WhatsAppAddress from,
        WhatsAppAddress to,
        string? body,
        IEnumerable<string>? mediaUrls,
        string? contentSid,
        int errorCode,
        string errorMessage,
        DateTimeOffset at,
        Guid? id = null)
    {
        var message = new Message(id ?? NewId(at), null, MessageDirection.Outbound, from, to, body, ToMedia(mediaUrls), contentSid, MessageStatus.Failed, at)
        {
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
        };
        return message;
    }

    /// <summary>
    /// An outbound message whose create call ended without Twilio's answer: it may exist at Twilio or not. Stored under
    /// the id the send was made with (<paramref name="id"/>, also in its status callback URL), without a SID.
    /// </summary>
    public static Message OutcomeUnknown(
        Guid id,
        WhatsAppAddress from,
        WhatsAppAddress to,
        string? body,
        IEnumerable<string>? mediaUrls,
        string? contentSid,
        DateTimeOffset at) =>
        new(id, null, MessageDirection.Outbound, from, to, body, ToMedia(mediaUrls), contentSid, MessageStatus.Unknown, at);

    /// <summary>A new id for a message about to be sent, so that Twilio can be told it before the message is stored.</summary>
    public static Guid ReserveId(DateTimeOffset at) => NewId(at);

    /// <summary>
    /// Names the Twilio message behind a send whose outcome was unknown. Returns false, changing nothing, when the
    /// message already has a SID or its outcome is known: the first to name it wins.
    /// </summary>
    public bool Identify(string waSid, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        if (WaSid is not null || Status != MessageStatus.Unknown)
        {
            return false;
        }

        WaSid = waSid;
        UpdatedAt = at;
        return true;
    }

    /// <summary>A message a customer sent us, as Twilio delivered it under <paramref name="waSid"/>.</summary>
    public static Message Inbound(
        string waSid,
        WhatsAppAddress from,
        WhatsAppAddress to,
        string? body,
        IEnumerable<MessageMedia>? media,
        string? profileName,
        DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        return new Message(NewId(at), waSid, MessageDirection.Inbound, from, to, body, media, null, MessageStatus.Received, at)
        {
            ProfileName = string.IsNullOrWhiteSpace(profileName) ? null : profileName,
        };
    }

    /// <summary>
    /// Applies a status Twilio reported. Returns false, changing nothing, when the status would move the
    /// message backwards (see <see cref="MessageStatusRules"/>).
    /// </summary>
    public bool ApplyStatus(MessageStatus next, int? errorCode, string? errorMessage, DateTimeOffset at)
    {
        if (!MessageStatusRules.CanAdvance(Status, next))
        {
            return false;
        }

        Status = next;
        if (next is MessageStatus.Failed or MessageStatus.Undelivered)
        {
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
        }

        UpdatedAt = at;
        return true;
    }

    private static IEnumerable<MessageMedia>? ToMedia(IEnumerable<string>? mediaUrls) =>
        mediaUrls?.Select(url => new MessageMedia(url, ContentType: null));

    // Version 7 GUIDs sort by creation time, which keeps the (CreatedAt, Id) index append-mostly.
    private static Guid NewId(DateTimeOffset at) => Guid.CreateVersion7(at);
}
