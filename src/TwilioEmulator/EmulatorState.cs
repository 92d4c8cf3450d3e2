using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Messaging.TwilioEmulator;

/// <summary>Everything the emulator remembers; all members are safe to call from concurrent requests.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, EmulatedMessage> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _creationOrder = new();
    private readonly Lock _failureLock = new();
    private int _createMessageRequests;
    private int _failuresLeft;
    private int _failureStatusCode;

    public EmulatorState(TwilioEmulatorOptions options)
    {
        AccountSid = options.AccountSid;
        AuthToken = options.AuthToken;
        TimeProvider = options.TimeProvider;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public TimeProvider TimeProvider { get; }

    public int CreateMessageRequests => Volatile.Read(ref _createMessageRequests);

    public IReadOnlyCollection<EmulatedMessage> Messages =>
        _creationOrder.Select(sid => _messages[sid]).ToArray();

    public void CountCreateMessageRequest() => Interlocked.Increment(ref _createMessageRequests);

    public void Add(EmulatedMessage message)
    {
        if (!_messages.TryAdd(message.Sid, message))
        {
            throw new InvalidOperationException($"A message with SID {message.Sid} already exists.");
        }

        _creationOrder.Enqueue(message.Sid);
    }

    public bool TryGet(string sid, [NotNullWhen(true)] out EmulatedMessage? message) =>
        _messages.TryGetValue(sid, out message);

    public void FailNextRequestsWith(int statusCode, int count)
    {
        lock (_failureLock)
        {
            _failureStatusCode = statusCode;
            _failuresLeft = count;
        }
    }

    /// <summary>Takes one pending injected failure, if any, and returns its status code.</summary>
    public bool TryTakeFailure(out int statusCode)
    {
        lock (_failureLock)
        {
            statusCode = _failureStatusCode;
            if (_failuresLeft == 0)
            {
                return false;
            }

            _failuresLeft--;
            return true;
        }
    }
}
