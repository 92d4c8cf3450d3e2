namespace Messaging.Application.Common.Interfaces;

/// <summary>Sends messages through Twilio's Messages API.</summary>
public interface ITwilioGateway
{
    /// <summary>The WhatsApp sender configured for this account (<c>Twilio:From</c>).</summary>
    string SenderAddress { get; }

    /// <summary>
    /// Creates the message at Twilio.
    /// Throws <see cref="Exceptions.TwilioRejectedException"/> when Twilio refuses it with an error code (4xx),
    /// <see cref="Exceptions.TwilioUnavailableException"/> when Twilio certainly did not create it (unreachable, 5xx,
    /// throttled past the retries), and <see cref="Exceptions.TwilioOutcomeUnknownException"/> when the request went out
    /// but no answer came back, so Twilio may have created it.
    /// </summary>
    Task<TwilioSendResult> SendAsync(TwilioSendRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The messages Twilio lists from <see cref="SenderAddress"/> to <paramref name="recipient"/> created at or after
    /// <paramref name="createdAfter"/>, newest first, at most <paramref name="limit"/>: sent or not (a message that failed
    /// at once has no sent date). Throws <see cref="Exceptions.TwilioUnavailableException"/> when Twilio cannot answer.
    /// </summary>
    Task<IReadOnlyList<TwilioSentMessage>> ListSentAsync(string recipient, DateTimeOffset createdAfter, int limit, CancellationToken cancellationToken);
}
