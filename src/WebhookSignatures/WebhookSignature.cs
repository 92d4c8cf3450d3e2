using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.WebhookSignatures;

/// <summary>
/// Signs and verifies webhook deliveries: <c>Messaging-Signature: t=&lt;unix seconds&gt;,v1=&lt;signature&gt;</c>, where the
/// signature is the lowercase hex HMAC-SHA256, keyed with the subscription's secret as UTF-8 (the whole
/// <c>whsec_…</c> string), of <c>"&lt;t&gt;.&lt;body&gt;"</c>. The scheme of Stripe's webhooks. A header may carry several
/// <c>v1</c> entries, so a sender can sign with an old and a new secret while receivers move to the new one.
/// </summary>
public static class WebhookSignature
{
    private const string TimestampKey = "t";
    private const string SignatureKey = "v1";

    // An HMAC-SHA256 in hex; anything longer in a header is not one and is not worth hashing against.
    private const int SignatureHexLength = 64;

    // A header longer than this is not one this service sends (a timestamp and a few signatures).
    private const int MaxHeaderLength = 1024;

    /// <summary>The <c>Messaging-Signature</c> header for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, string body) => Sign([secret], timestamp, body);

    /// <summary>
    /// The <c>Messaging-Signature</c> header for <paramref name="body"/> sent at <paramref name="timestamp"/>, with one
    /// <c>v1</c> entry per secret in the order given: while a secret is rotated, a receiver holding either one verifies.
    /// </summary>
    public static string Sign(IReadOnlyList<string> secrets, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(body);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("A delivery is signed with at least one secret.", nameof(secrets));
        }

        var seconds = timestamp.ToUnixTimeSeconds();
        var header = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{TimestampKey}={seconds}"));
        foreach (var secret in secrets)
        {
            ArgumentException.ThrowIfNullOrEmpty(secret, nameof(secrets));
            header.Append(',').Append(SignatureKey).Append('=').Append(Convert.ToHexStringLower(Compute(secret, seconds, body)));
        }

        return header.ToString();
    }

    /// <summary>
    /// Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> (any of its
    /// <c>v1</c> entries) at a time no further than <paramref name="tolerance"/> from <paramref name="now"/>. The
    /// tolerance bounds how long a captured delivery can be replayed; pass the body exactly as received.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return false;
        }

        long? timestamp = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (key == TimestampKey)
            {
                if (timestamp is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return false;
                }

                timestamp = seconds;
            }
            else if (key == SignatureKey && value.Length == SignatureHexLength)
            {
                candidates.Add(value);
            }
        }

        if (timestamp is not { } t || candidates.Count == 0 || !IsWithin(t, now, tolerance))
        {
            return false;
        }

        var expected = Compute(secret, t, body);
        var matched = false;
        foreach (var candidate in candidates)
        {
            // Every candidate is compared, in constant time, so the time taken tells nothing about the secret.
            matched |= TryFromHex(candidate, out var given) && CryptographicOperations.FixedTimeEquals(given, expected);
        }

        return matched;
    }

    private static bool IsWithin(long seconds, DateTimeOffset now, TimeSpan tolerance)
    {
        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() <= tolerance;
    }

    private static byte[] Compute(string secret, long seconds, string body)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seconds}.{body}"));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
