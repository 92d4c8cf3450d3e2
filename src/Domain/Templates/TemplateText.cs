using System.Globalization;
using System.Text.RegularExpressions;

namespace Messaging.Domain.Templates;

/// <summary>
/// The text of a WhatsApp message template and its <c>{{1}}</c>-style variables, as Twilio's Content API writes them:
/// a variable is a name of letters, digits or underscores in double braces. What a customer receives is the text with
/// every variable replaced by the value the send gives for it.
/// </summary>
public static partial class TemplateText
{
    /// <summary>
    /// The names of the variables in <paramref name="texts"/>, each once: numbered ones in numeric order (so <c>2</c>
    /// comes before <c>10</c>), then named ones in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> VariablesIn(params IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }

            foreach (Match match in Placeholder().Matches(text))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return Ordered(names);
    }

    /// <summary>Variable names in the order <see cref="VariablesIn"/> gives them.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Distinct(StringComparer.Ordinal).Order(NameOrder)];
    }

    /// <summary>
    /// <paramref name="text"/> with each variable replaced by its value in <paramref name="values"/>. Every variable of
    /// the text must have a value: a message never leaves with a placeholder in it.
    /// </summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var missing = VariablesIn(text).Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No value for the template variables {string.Join(", ", missing)}.", nameof(values));
        }

        // One pass over the original text, so a value that itself looks like "{{2}}" stays as it was typed.
        return Placeholder().Replace(text, match => values[match.Groups[1].Value]);
    }

    private static readonly Comparer<string> NameOrder = Comparer<string>.Create((x, y) =>
    {
        var (xNumber, yNumber) = (AsNumber(x), AsNumber(y));
        if (xNumber is not null && yNumber is not null)
        {
            var byNumber = xNumber.Value.CompareTo(yNumber.Value);
            return byNumber != 0 ? byNumber : string.CompareOrdinal(x, y);
        }

        if (xNumber is not null || yNumber is not null)
        {
            return xNumber is not null ? -1 : 1;
        }

        return string.CompareOrdinal(x, y);
    });

    // At most 16 digits (the placeholder's limit), so any number fits in a long.
    private static long? AsNumber(string? name) =>
        name is { Length: > 0 and <= 16 } && name.All(char.IsAsciiDigit)
            ? long.Parse(name, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"\{\{([A-Za-z0-9_]{1,16})\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
