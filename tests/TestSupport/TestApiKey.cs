using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Messaging.TestSupport;

/// <summary>An API key a test application is configured with, by the name it is logged under and its scopes.</summary>
public readonly record struct TestApiKey(string Name, string Key, string[] Scopes)
{
    /// <summary>The form a key is configured in (<c>Auth:ApiKeys:n:Sha256</c>).</summary>
    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The settings that configure this key as entry <paramref name="index"/> of <c>Auth:ApiKeys</c>.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(int index)
    {
        var entry = string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{index}");
        yield return new($"{entry}:Name", Name);
        yield return new($"{entry}:Sha256", Sha256Hex(Key));
        for (var s = 0; s < Scopes.Length; s++)
        {
            yield return new(string.Create(CultureInfo.InvariantCulture, $"{entry}:Scopes:{s}"), Scopes[s]);
        }
    }
}
