using System.Security.Cryptography;
using System.Text;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Computes the <c>X-Twilio-Signature</c> header Twilio puts on every webhook it posts: Base64 of HMAC-SHA1, keyed with
/// the auth token, over the full URL followed by each POST field's name and value, fields sorted by name.
/// </summary>
public static class TwilioRequestSigner
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(fields);

        var data = new StringBuilder(url);
        // Ordinal order, as Twilio sorts: upper case before lower case. OrderBy is stable, so repeated names keep
        // the order in which they are posted.
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

        // HMAC-SHA1 is what Twilio's signature scheme is defined with; it is not a choice made here.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }
}
