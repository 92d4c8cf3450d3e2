namespace Messaging.Api.Authentication;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    /// <summary>Longest name accepted; names are stored with each idempotency key.</summary>
    public const int MaxNameLength = 100;

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
