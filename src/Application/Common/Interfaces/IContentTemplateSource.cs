namespace Messaging.Application.Common.Interfaces;

/// <summary>The account's content templates, read from Twilio's Content API.</summary>
public interface IContentTemplateSource
{
    /// <summary>
    /// Reads every content template of the account with its WhatsApp approval, all pages.
    /// Throws <see cref="Exceptions.TwilioUnavailableException"/> when Twilio cannot be reached, fails or refuses.
    /// </summary>
    Task<IReadOnlyList<ContentTemplate>> ListAsync(CancellationToken cancellationToken);
}
