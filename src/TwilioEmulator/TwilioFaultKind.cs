namespace Messaging.TwilioEmulator;

/// <summary>What an injected <see cref="TwilioFault"/> does to the request it hits.</summary>
public enum TwilioFaultKind
{
    /// <summary>Answers at once with an HTTP error and Twilio's error body; the request is not processed.</summary>
    Error,

    /// <summary>Answers at once 429 with Twilio's error 20429 and a <c>Retry-After</c> header; nothing is processed.</summary>
    TooManyRequests,

    /// <summary>Processes the request (a message create creates the message), then holds the answer back for a while.</summary>
    Delay,

    /// <summary>Resets the connection before processing: no answer, and nothing is created.</summary>
    DropBeforeProcessing,

    /// <summary>Processes the request (the message exists, its callbacks run), then resets the connection unanswered.</summary>
    DropAfterProcessing,

    /// <summary>Processes the request, then never answers: the connection stays open until the client gives up.</summary>
    Hang,
}
