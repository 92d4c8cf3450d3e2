using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>Checks the HTTP basic credentials Twilio's API expects: account SID as user, auth token as password.</summary>
internal static class BasicAuthentication
{
    public static bool IsAuthorized(HttpRequest request, string accountSid, string authToken)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Compared in constant time so response timing does not reveal how much of a guess was right.
        return FixedTimeEquals(decoded[..colon], accountSid) && FixedTimeEquals(decoded[(colon + 1)..], authToken);
    }

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
