namespace Messaging.Api.Authentication;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim carrying each scope the key was given.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Longer than any key worth hashing; anything longer is refused without work.</summary>
    internal const int MaxKeyLength = 512;
}
