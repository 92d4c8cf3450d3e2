namespace Messaging.TwilioEmulator;

/// <summary>
/// One way Twilio can misbehave, injected with <see cref="TwilioEmulatorServer.InjectFault"/>. Faults that answer at once
/// (<see cref="Error"/>, <see cref="TooManyRequests"/>, <see cref="DropBeforeProcessing"/>) leave nothing behind; the
/// others let the request be processed first, so a message create has created its message (and its status callbacks
/// run) whatever the client then sees.
/// </summary>
public sealed record TwilioFault
{
    private TwilioFault(TwilioFaultKind kind) => Kind = kind;

    public TwilioFaultKind Kind { get; }

    /// <summary>The HTTP status of <see cref="TwilioFaultKind.Error"/> (429 for <see cref="TwilioFaultKind.TooManyRequests"/>).</summary>
    public int? StatusCode { get; private init; }

    /// <summary>The <c>Retry-After</c> of <see cref="TwilioFaultKind.TooManyRequests"/>, in whole seconds on the wire.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>How long <see cref="TwilioFaultKind.Delay"/> holds the answer, on the emulator's <see cref="TimeProvider"/>.</summary>
    public TimeSpan? AnswerDelay { get; private init; }

    /// <summary>
    /// Answers <paramref name="statusCode"/> (400–599) with Twilio's error body, code 20000 + status (e.g. 503 → 20503),
    /// without processing the request, as Twilio does when it is failing or overloaded.
    /// </summary>
    public static TwilioFault Error(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new TwilioFault(TwilioFaultKind.Error) { StatusCode = statusCode };
    }

    /// <summary>Answers 429 with error 20429 and <c>Retry-After</c> (whole seconds, rounded up); nothing is created.</summary>
    public static TwilioFault TooManyRequests(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new TwilioFault(TwilioFaultKind.TooManyRequests) { StatusCode = 429, RetryAfter = retryAfter };
    }

    /// <summary>Processes the request, then waits <paramref name="delay"/> before answering normally.</summary>
    public static TwilioFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new TwilioFault(TwilioFaultKind.Delay) { AnswerDelay = delay };
    }

    /// <summary>Resets the connection before processing: the client gets no answer and nothing was created.</summary>
    public static TwilioFault DropBeforeProcessing() => new(TwilioFaultKind.DropBeforeProcessing);

    /// <summary>Processes the request, then resets the connection: the message exists but the client never hears of it.</summary>
    public static TwilioFault DropAfterProcessing() => new(TwilioFaultKind.DropAfterProcessing);

    /// <summary>
    /// Processes the request, then never answers, until the client gives up or the emulator stops; the connection is then
    /// reset. A client timeout on it is an unknown outcome: the message was created.
    /// </summary>
    public static TwilioFault Hang() => new(TwilioFaultKind.Hang);

    /// <summary>Whether the request is processed (a message created) before the fault shows.</summary>
    public bool ProcessesRequest => Kind is TwilioFaultKind.Delay or TwilioFaultKind.DropAfterProcessing or TwilioFaultKind.Hang;
}
