namespace Messaging.LoadTest;

/// <summary>The server a run drives: the service, or the floor it is compared with.</summary>
internal sealed class Target
{
    public required bool IsFloor { get; init; }

    public required Uri BaseUrl { get; init; }

    /// <summary>The SQLite file the server writes: the service's database, or the floor's own.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The server's Twilio emulator: the service's embedded one, or the floor's own.</summary>
    public required Uri EmulatorUrl { get; init; }

    public required string ApiKey { get; init; }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);
}
