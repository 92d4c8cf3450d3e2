using System.Security.Cryptography;

namespace Messaging.Api.Authentication;

/// <summary>
/// Finds the configured key a client presented, in time that does not depend on which key, if any, matches. Follows
/// the configuration as it is reloaded: a key removed, given another hash or other scopes is revoked at once.
/// </summary>
internal sealed partial class ApiKeyRegistry : IDisposable
{
    private readonly IDisposable? _subscription;
    private readonly ILogger<ApiKeyRegistry> _logger;
    private readonly Lock _reloading = new();
    private IReadOnlyList<ApiKey> _keys;

    public ApiKeyRegistry(IOptionsMonitor<ApiKeyOptions> options, ILogger<ApiKeyRegistry> logger)
    {
        _logger = logger;
        _keys = Load(options.CurrentValue);
        _subscription = options.OnChange(Reload);
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
        foreach (var key in Volatile.Read(ref _keys))
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match ??= key;
            }
        }

        return match;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    private static List<ApiKey> Load(ApiKeyOptions options) =>
        options.ApiKeys
            .Select(entry => ApiKeyHash.TryParseHex(entry.Sha256, out var hash)
                ? new ApiKey(entry.Name.Trim(), hash, entry.Scopes.Distinct(StringComparer.Ordinal).ToList())
                : null)
            .OfType<ApiKey>()
            .ToList();

    private void Reload(ApiKeyOptions options)
    {
        lock (_reloading)
        {
            var loaded = Load(options);
            var next = new List<ApiKey>(loaded.Count);
            foreach (var key in loaded)
            {
                // An unchanged key keeps its identity, so what it has open stays open.
                var kept = _keys.FirstOrDefault(old => old.GrantsTheSameAs(key));
                next.Add(kept ?? key);
                if (kept is not null)
                {
                    key.Dispose();
                }
            }

            var revoked = _keys.Where(old => !next.Contains(old)).ToList();
            Volatile.Write(ref _keys, next);
            foreach (var key in revoked)
            {
                LogRevoked(_logger, key.Name);
                key.Revoke();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {ApiKeyName} is no longer accepted; what it had open is closed")]
    private static partial void LogRevoked(ILogger logger, string apiKeyName);
}
