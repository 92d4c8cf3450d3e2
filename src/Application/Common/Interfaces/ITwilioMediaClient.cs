using Messaging.Application.Common.Models;

namespace Messaging.Application.Common.Interfaces;

/// <summary>Fetches media that customers sent, from where Twilio keeps them, with this account's credentials.</summary>
public interface ITwilioMediaClient
{
    /// <summary>
    /// Opens the medium at <paramref name="mediaUrl"/>. Credentials are sent only to Twilio's own hosts.
    /// Throws <see cref="Exceptions.MediaSourceNotAllowedException"/> for a URL on any other host (nothing is fetched),
    /// <see cref="Exceptions.NotFoundException"/> when Twilio no longer has the medium, and
    /// <see cref="Exceptions.MediaUnavailableException"/> when it cannot be fetched or is larger than allowed.
    /// </summary>
    Task<MediaContent> OpenAsync(Uri mediaUrl, CancellationToken cancellationToken);
}
