namespace Messaging.Api.Hosting;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted; larger ones are answered 413 before anything reads them.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Most connections the server keeps open at once (event streams count, each for as long as it is open); unset
    /// means no limit beyond the operating system's.
    /// </summary>
    public long? MaxConcurrentConnections { get; set; }
}
