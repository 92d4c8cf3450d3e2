namespace Messaging.Application.Common.Interfaces;

/// <summary>Fetches media that customers sent, from where Twilio keeps them, with this account's credentials.</summary>
public interface ITwilioMediaClient
{
    /// <summary>
    /// Opens the medium that Twilio's webhook for message <paramref name="messageSid"/> named <paramref name="mediaUrl"/>.
    /// Only a URL naming a Media resource of this account and of that message is accepted, and the resource is fetched
    /// from the configured Twilio API address, whatever host the URL names.
    /// Throws <see cref="Exceptions.MediaSourceNotAllowedException"/> for any other URL (nothing is fetched),
    /// <see cref="Exceptions.NotFoundException"/> when Twilio no longer has the medium, and
    /// <see cref="Exceptions.MediaUnavailableException"/> when it cannot be fetched or is larger than allowed.
    /// </summary>
    Task<MediaContent> OpenAsync(string messageSid, string mediaUrl, CancellationToken cancellationToken);
}
