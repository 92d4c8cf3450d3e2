using System.Globalization;

namespace Messaging.Application.Common.Urls;

/// <summary>The characters a URL a client gives us may be written with, whatever the URL is for.</summary>
public static class UrlText
{
    /// <summary>
    /// No control character, no whitespace and no invisible formatting character. All are invalid anywhere in a URL
    /// (they must be percent-encoded), and <see cref="Uri"/> escapes them silently, yet the URL is stored, listed and
    /// passed on as the client wrote it: there a line break can split a header or a log line, an escape sequence can
    /// rewrite a terminal, and a bidirectional override or a zero-width character makes the URL read as another one.
    /// </summary>
    public static bool HasOnlyVisibleCharacters(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format);
    }
}
