using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Messaging.Api.Authentication;

/// <summary>Finds the configured key a client presented, in time that does not depend on which key, if any, matches.</summary>
internal sealed class ApiKeyRegistry
{
    private readonly IReadOnlyList<ApiKey> _keys;

    public ApiKeyRegistry(IOptions<ApiKeyOptions> options)
    {
        _keys = options.Value.ApiKeys
            .Select(entry => ApiKeyHash.TryParseHex(entry.Sha256, out var hash)
                ? new ApiKey(entry.Name.Trim(), hash, entry.Scopes.Distinct(StringComparer.Ordinal).ToList())
                : null)
            .OfType<ApiKey>()
            .ToList();
    }

    public ApiKey? Find(string presented)
    {
        if (presented.Length is 0 or > ApiKeyDefaults.MaxKeyLength)
        {
            return null;
        }

        // Comparing hashes, not keys, means a timing difference could reveal at most a prefix of a hash; every key is
        // compared, so the time also does not say which key matched.
        var hash = ApiKeyHash.Of(presented);
        ApiKey? match = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match ??= key;
            }
        }

        return match;
    }
}
