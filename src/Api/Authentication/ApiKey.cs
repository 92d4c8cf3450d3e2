namespace Messaging.Api.Authentication;

/// <summary>A configured key, ready to compare: its name, the bytes of its hash and its scopes.</summary>
internal sealed record ApiKey(string Name, byte[] Hash, IReadOnlyList<string> Scopes);
