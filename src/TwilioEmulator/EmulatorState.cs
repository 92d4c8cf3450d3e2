using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Messaging.TwilioEmulator;

/// <summary>Everything the emulator remembers; all members are safe to call from concurrent requests.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, EmulatedMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _creationOrder = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInbound = new(StringComparer.Ordinal);
    private int _createMessageRequests;
    private int _contentRequests;
    private int _messageListRequests;
    private ContentCatalogue _content;
    private Uri? _inboundWebhookUrl;

    public EmulatorState(TwilioEmulatorOptions options)
    {
        AccountSid = options.AccountSid;
        AuthToken = options.AuthToken;
        TimeProvider = options.TimeProvider;
        Sender = options.Sender;
        _inboundWebhookUrl = options.InboundWebhookUrl;
        _content = new ContentCatalogue(options.ContentTemplates, TimeProvider.GetUtcNow());
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public TimeProvider TimeProvider { get; }

    public string Sender { get; }

    public FaultQueue Faults { get; } = new();

    /// <summary>The templates served now; replaced whole, so a request sees one catalogue from start to end.</summary>
    public ContentCatalogue Content
    {
        get => Volatile.Read(ref _content);
        set => Volatile.Write(ref _content, value);
    }

    public Uri? InboundWebhookUrl
    {
        get => Volatile.Read(ref _inboundWebhookUrl);
        set => Volatile.Write(ref _inboundWebhookUrl, value);
    }

    /// <summary>Set once the server listens; media URLs are built on it.</summary>
    public Uri? BaseAddress { get; set; }

    public int CreateMessageRequests => Volatile.Read(ref _createMessageRequests);

    public int ContentRequests => Volatile.Read(ref _contentRequests);

    /// <summary>The messages created so far, oldest first.</summary>
    public IReadOnlyList<EmulatedMessage> Messages =>
        _creationOrder.Select(sid => _messages[sid]).ToArray();

    public int MessagesCreated => _creationOrder.Count;

    public void CountCreateMessageRequest() => Interlocked.Increment(ref _createMessageRequests);

    public void CountContentRequest() => Interlocked.Increment(ref _contentRequests);

    public int MessageListRequests => Volatile.Read(ref _messageListRequests);

    public void CountMessageListRequest() => Interlocked.Increment(ref _messageListRequests);

    public void Add(EmulatedMessage message)
    {
        if (!_messages.TryAdd(message.Sid, message))
        {
            throw new InvalidOperationException($"A message with SID {message.Sid} already exists.");
        }

        _creationOrder.Enqueue(message.Sid);
    }

    /// <summary>Replaces a stored message with what <paramref name="change"/> makes of it, atomically.</summary>
    public void Update(string sid, Func<EmulatedMessage, EmulatedMessage> change)
    {
        while (_messages.TryGetValue(sid, out var current))
        {
            if (_messages.TryUpdate(sid, change(current), current))
            {
                return;
            }
        }
    }

    /// <summary>Remembers that <paramref name="number"/> wrote at <paramref name="at"/>, which opens their window.</summary>
    public void RecordInbound(string number, DateTimeOffset at) =>
        _lastInbound.AddOrUpdate(number, at, (_, previous) => previous > at ? previous : at);

    public bool IsWindowOpen(string number, DateTimeOffset now, TimeSpan window) =>
        _lastInbound.TryGetValue(number, out var last) && now - last < window;

    public bool TryGet(string sid, [NotNullWhen(true)] out EmulatedMessage? message) =>
        _messages.TryGetValue(sid, out message);
}
