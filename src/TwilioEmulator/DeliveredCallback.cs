namespace Messaging.TwilioEmulator;

/// <summary>One webhook the emulator posted (or tried to), with what it sent and how the receiver answered.</summary>
public sealed record DeliveredCallback
{
    public required CallbackKind Kind { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The form fields in the order they were posted.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; }

    /// <summary>The <c>X-Twilio-Signature</c> header that was sent.</summary>
    public required string Signature { get; init; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused connection, timeout, stop).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why no answer came, when none did.</summary>
    public string? Error { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The value of the posted field <paramref name="name"/>, or null when it was not posted.</summary>
    public string? Field(string name) =>
        Fields.Where(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Select(f => f.Value).FirstOrDefault();
}
