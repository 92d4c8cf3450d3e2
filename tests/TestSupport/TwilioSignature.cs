using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.TestSupport;

/// <summary>
/// Twilio's request signature, computed as Twilio documents it and independently of the Twilio SDK: the URL followed by
/// every POST field's name and value, sorted by name, HMAC-SHA1 keyed by the auth token, in base64.
/// </summary>
public static class TwilioSignature
{
    [SuppressMessage("Security", "CA5350", Justification = "Twilio's signature scheme is HMAC-SHA1; this reproduces it.")]
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
