namespace Messaging.Application.Templates;

/// <summary>How long the account's content templates, read from Twilio, are kept (section <c>Templates</c>).</summary>
public sealed class TemplateOptions
{
    public const string SectionName = "Templates";

    public const int MaxSeconds = 24 * 60 * 60;

    /// <summary>
    /// How long a catalogue read from Twilio is used before it is read again; 0 reads it for every request. A
    /// refresh (<c>GET /api/templates?refresh=true</c>) reads it at once.
    /// </summary>
    public int CacheSeconds { get; set; } = 300;

    /// <summary>
    /// A send that names a template the catalogue does not hold, or holds unapproved, reads the catalogue again once
    /// it is this old, so a template approved (or created) a moment ago can be sent without waiting for
    /// <see cref="CacheSeconds"/>; younger than this, the send is refused at once.
    /// </summary>
    public int RecheckSeconds { get; set; } = 30;
}
