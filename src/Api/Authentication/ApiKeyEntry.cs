namespace Messaging.Api.Authentication;

/// <summary>One entry of <c>Auth:ApiKeys</c>: a key known by its name and the SHA-256 of its value, never the value.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Names the client in logs and owns its idempotency keys and rate limit.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];
}
