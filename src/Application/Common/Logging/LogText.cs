using System.Buffers;
using System.Globalization;
using System.Text;

namespace Messaging.Application.Common.Logging;

/// <summary>
/// Makes text that came from a request safe to put in a log line. A line break, another control character, a Unicode
/// line separator or a bidirectional override in a logged value would let whoever sent the request forge or disguise
/// log lines; each is written as a visible escape (<c>\n</c>, <c>\u2028</c>) instead, and very long values are cut.
/// </summary>
public static class LogText
{
    /// <summary>Longer values are cut: a log line is no place for a request's bulk.</summary>
    public const int MaxLength = 1024;

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(BuildUnsafe());

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= MaxLength && !value.AsSpan().ContainsAny(Unsafe))
        {
            return value;
        }

        var text = value.Length > MaxLength ? value.AsSpan(0, MaxLength) : value.AsSpan();
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\r':
                    escaped.Append("\\r");
                    break;
                case '\t':
                    escaped.Append("\\t");
                    break;
                default:
                    if (IsUnsafe(c))
                    {
                        escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        if (value.Length > MaxLength)
        {
            escaped.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    private static string BuildUnsafe()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < '\u00a0'; c++)
        {
            if (char.IsControl(c))
            {
                chars.Append(c);
            }
        }

        chars.Append("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
        return chars.ToString();
    }
}
