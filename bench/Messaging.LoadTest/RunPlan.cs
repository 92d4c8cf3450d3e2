namespace Messaging.LoadTest;

/// <summary>How long and how hard one run drives its target, and how many requests it prepares for that.</summary>
internal sealed record RunPlan(int Clients, TimeSpan Warmup, TimeSpan Duration)
{
    // What one connection can reach at most when the server answers at once; the prepared lists must outlast the run.
    private const int PerClientRate = 4_000;

    public TimeSpan Length(Phase phase) => phase == Phase.Warmup ? Warmup : Duration;

    /// <summary>Requests to prepare for <paramref name="phase"/> when each is sent once, for a server up to <paramref name="maxRate"/>/s.</summary>
    public int RequestCount(Phase phase, int maxRate) =>
        (int)Math.Max(Clients * 50, Math.Min(maxRate, Clients * PerClientRate) * Math.Ceiling(Length(phase).TotalSeconds));
}
