namespace Messaging.Api.FunctionalTests;

/// <summary>Reads samples out of a Prometheus text exposition, as a scraper would.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/>
    /// (each written <c>name="value"</c>), or null when there is none.
    /// </summary>
    public static double? Sum(string exposition, string metric, params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue;
            }

            var labelEnd = rest[0] == '{' ? rest.IndexOf('}', StringComparison.Ordinal) : 0;
            var labelText = rest[..(labelEnd + 1)];
            if (!labels.All(label => labelText.Contains(label, StringComparison.Ordinal)))
            {
                continue;
            }

            var value = rest[(labelEnd + 1)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
