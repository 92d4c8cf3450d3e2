using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Twilio's paging parameters: <c>PageSize</c> (1–1000, default 50), <c>Page</c> (an index the client keeps) and
/// <c>PageToken</c> (<c>PA</c> + the SID of the last record seen for the next page, <c>PB</c> + the first for the previous
/// one). A page other than the first can only be reached through a token, as at Twilio, so a list that grows between
/// two requests neither repeats nor skips records.
/// </summary>
internal sealed record PageRequest(int PageSize, int Page, string? Token)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 1000;

    public static PageRequest? Read(IQueryCollection query, out TwilioError? error)
    {
        error = null;
        var pageSize = DefaultPageSize;
        var page = 0;
        if (query.TryGetValue("PageSize", out var size)
            && (!int.TryParse(size.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            error = Invalid($"PageSize must be a whole number from 1 to {MaxPageSize}.");
            return null;
        }

        if (query.TryGetValue("Page", out var index)
            && !int.TryParse(index.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            error = Invalid("Page must be a whole number from 0.");
            return null;
        }

        var token = query.TryGetValue("PageToken", out var given) && !string.IsNullOrEmpty(given.ToString()) ? given.ToString() : null;
        if (page > 0 && token is null)
        {
            error = Invalid("Paged requests must include a PageToken");
            return null;
        }

        return new PageRequest(pageSize, page, token);
    }

    /// <summary>The records of this page out of <paramref name="all"/> (in list order), or null for a token that names none.</summary>
    public PageSlice<T>? Slice<T>(IReadOnlyList<T> all, Func<T, string> sidOf, out TwilioError? error)
    {
        error = null;
        int start, end;
        if (Token is null)
        {
            (start, end) = (0, Math.Min(all.Count, PageSize));
        }
        else
        {
            var forward = Token.StartsWith("PA", StringComparison.Ordinal);
            var backward = Token.StartsWith("PB", StringComparison.Ordinal);
            var anchor = forward || backward ? IndexOf(all, sidOf, Token[2..]) : -1;
            if (anchor < 0)
            {
                error = Invalid($"The PageToken {Token} is not valid for this list.");
                return null;
            }

            (start, end) = forward ? (anchor + 1, Math.Min(all.Count, anchor + 1 + PageSize)) : (Math.Max(0, anchor - PageSize), anchor);
        }

        return new PageSlice<T>([.. all.Skip(start).Take(end - start)], HasPrevious: start > 0, HasNext: end < all.Count);
    }

    public static TwilioError Invalid(string message) => TwilioError.Of(StatusCodes.Status400BadRequest, 20001, message);

    private static int IndexOf<T>(IReadOnlyList<T> all, Func<T, string> sidOf, string sid)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(sidOf(all[i]), sid, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
