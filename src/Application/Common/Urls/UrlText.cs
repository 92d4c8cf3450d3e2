namespace Messaging.Application.Common.Urls;

/// <summary>The characters a URL a client gives us may be written with, whatever the URL is for.</summary>
public static class UrlText
{
    /// <summary>
    /// No control character and no whitespace. Both are invalid anywhere in a URL (they must be percent-encoded), and
    /// <see cref="Uri"/> escapes them silently, yet the URL is stored, listed and passed on as the client wrote it: there
    /// a line break can split a header or a log line, and an escape sequence can rewrite a terminal.
    /// </summary>
    public static bool HasNoControlCharacterOrWhitespace(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
    }
}
