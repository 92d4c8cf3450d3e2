using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.Api.Authentication;

internal static class ApiKeyHash
{
    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HexOf(string key) => Convert.ToHexStringLower(Of(key));

    public static bool TryParseHex(string? hex, [NotNullWhen(true)] out byte[]? hash)
    {
        hash = null;
        var trimmed = hex?.Trim();
        if (trimmed is not { Length: SHA256.HashSizeInBytes * 2 } || !trimmed.All(Uri.IsHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(trimmed);
        return true;
    }
}
