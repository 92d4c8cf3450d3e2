using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Messaging.Application.Common.Twilio;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The address of one medium of one message in Twilio's REST API:
/// <c>/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{MediaSid}</c>. The URL a webhook named is only
/// read for its media SID, and only when it has exactly this shape for this account and this message; the address
/// fetched is built from the configured API origin and account, so no webhook or client can point the account's
/// credentials at any other resource or host.
/// </summary>
public static partial class TwilioMediaAddress
{
    public static bool TryGetMediaSid(string? url, string accountSid, string messageSid, [NotNullWhen(true)] out string? mediaSid)
    {
        mediaSid = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("https" or "http")
            || parsed.UserInfo.Length > 0
            || parsed.Query.Length > 0
            || parsed.Fragment.Length > 0)
        {
            return false;
        }

        var match = MediaPath().Match(parsed.AbsolutePath);
        if (!match.Success
            || !string.Equals(match.Groups["account"].Value, accountSid, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(match.Groups["message"].Value, messageSid, StringComparison.Ordinal))
        {
            return false;
        }

        mediaSid = match.Groups["media"].Value;
        return true;
    }

    public static Uri Build(Uri apiOrigin, string accountSid, string messageSid, string mediaSid)
    {
        ArgumentNullException.ThrowIfNull(apiOrigin);
        if (!TwilioMessageSid.IsValid(messageSid) || !MediaSid().IsMatch(mediaSid))
        {
            throw new ArgumentException("Not a Twilio message and media SID.", nameof(mediaSid));
        }

        return new Uri(apiOrigin, $"/2010-04-01/Accounts/{Uri.EscapeDataString(accountSid)}/Messages/{messageSid}/Media/{mediaSid}");
    }

    [GeneratedRegex(
        "^/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Messages/(?<message>(?:SM|MM)[0-9a-fA-F]{32})/Media/(?<media>ME[0-9a-fA-F]{32})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex MediaPath();

    [GeneratedRegex("^ME[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaSid();
}
