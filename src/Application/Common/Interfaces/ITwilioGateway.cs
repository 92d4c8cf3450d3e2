using Messaging.Application.Common.Models;

namespace Messaging.Application.Common.Interfaces;

/// <summary>Sends messages through Twilio's Messages API.</summary>
public interface ITwilioGateway
{
    /// <summary>The WhatsApp sender configured for this account (<c>Twilio:From</c>).</summary>
    string SenderAddress { get; }

    /// <summary>
    /// Creates the message at Twilio.
    /// Throws <see cref="Exceptions.TwilioRejectedException"/> when Twilio refuses it with an error code (4xx),
    /// and <see cref="Exceptions.TwilioUnavailableException"/> when Twilio cannot be reached or fails (5xx).
    /// </summary>
    Task<TwilioSendResult> SendAsync(TwilioSendRequest request, CancellationToken cancellationToken);
}
