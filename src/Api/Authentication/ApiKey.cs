namespace Messaging.Api.Authentication;

/// <summary>
/// A configured key, ready to compare: its name, the bytes of its hash and its scopes. <see cref="Revoked"/> is
/// canceled when the configuration stops accepting the key, so that what it opened for a long time (event streams)
/// ends with it.
/// </summary>
internal sealed class ApiKey(string name, byte[] hash, IReadOnlyList<string> scopes) : IDisposable
{
    private readonly CancellationTokenSource _revoked = new();

    public string Name { get; } = name;

    public byte[] Hash { get; } = hash;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public CancellationToken Revoked => _revoked.Token;

    /// <summary>Whether <paramref name="other"/> grants exactly what this key grants, to the same secret.</summary>
    public bool GrantsTheSameAs(ApiKey other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Hash.AsSpan().SequenceEqual(other.Hash)
        && Scopes.Order(StringComparer.Ordinal).SequenceEqual(other.Scopes.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public void Revoke() => _revoked.Cancel();

    public void Dispose() => _revoked.Dispose();
}
