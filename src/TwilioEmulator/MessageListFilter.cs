using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>
/// The filters of Twilio's Messages list: <c>To</c>, <c>From</c> (exact), <c>DateSent</c> (the same GMT day),
/// <c>DateSent&lt;</c> (sent at or before) and <c>DateSent&gt;</c> (sent at or after). Dates are <c>YYYY-MM-DD</c> (midnight
/// GMT) or ISO 8601 date-times, as the SDK sends them. A message not sent yet has no sent date and matches no date filter.
/// </summary>
internal sealed record MessageListFilter(
    string? To,
    string? From,
    DateTimeOffset? SentOn,
    DateTimeOffset? SentAtOrBefore,
    DateTimeOffset? SentAtOrAfter,
    IReadOnlyList<KeyValuePair<string, string>> Given)
{
    private static readonly string[] Names = ["To", "From", "DateSent", "DateSent<", "DateSent>"];

    public static MessageListFilter? Read(IQueryCollection query, out TwilioError? error)
    {
        error = null;
        var given = Names
            .Where(name => query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()))
            .Select(name => new KeyValuePair<string, string>(name, query[name].ToString()))
            .ToArray();
        var dates = new DateTimeOffset?[3];
        for (var i = 0; i < 3; i++)
        {
            var name = Names[i + 2];
            var value = given.FirstOrDefault(g => g.Key == name).Value;
            if (value is null)
            {
                continue;
            }

            if (!TryParseDate(value, out var date))
            {
                error = PageRequest.Invalid($"{name} must be a date, YYYY-MM-DD, or an ISO 8601 date and time; got '{value}'.");
                return null;
            }

            dates[i] = date;
        }

        return new MessageListFilter(
            given.FirstOrDefault(g => g.Key == "To").Value,
            given.FirstOrDefault(g => g.Key == "From").Value,
            dates[0],
            dates[1],
            dates[2],
            given);
    }

    public bool Matches(EmulatedMessage message)
    {
        if ((To is not null && !string.Equals(message.To, To, StringComparison.Ordinal))
            || (From is not null && !string.Equals(message.From, From, StringComparison.Ordinal)))
        {
            return false;
        }

        if (SentOn is null && SentAtOrBefore is null && SentAtOrAfter is null)
        {
            return true;
        }

        return message.DateSent is { } sent
            && (SentOn is not { } day || sent.UtcDateTime.Date == day.UtcDateTime.Date)
            && (SentAtOrBefore is not { } before || sent <= before)
            && (SentAtOrAfter is not { } after || sent >= after);
    }

    /// <summary>The filters as they were given, encoded for the page URIs.</summary>
    public string Query => string.Join('&', Given.Select(g => $"{Uri.EscapeDataString(g.Key)}={Uri.EscapeDataString(g.Value)}"));

    private static bool TryParseDate(string value, out DateTimeOffset date)
    {
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return true;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
            && value.Contains('T', StringComparison.Ordinal);
    }
}
