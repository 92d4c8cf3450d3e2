namespace Messaging.LoadTest;

/// <summary>
/// One kind of traffic, driven at the service and at its floor alike. A new instance serves one run: it remembers the
/// requests it prepared, so it can check the rows stored for the ones that were acknowledged.
/// </summary>
internal abstract class Scenario
{
    /// <summary>Request ids of a run's warm-up and of its measured part never overlap.</summary>
    protected const long MeasureIdBase = 1_000_000_000;

    public abstract string Name { get; }

    /// <summary>What the floor does for each request of this scenario.</summary>
    public abstract string Floor { get; }

    /// <summary>Whether each connection repeats its requests until the time is up (reads, sends, replays).</summary>
    public virtual bool Cycles => false;

    /// <summary>Whether the service and the floor read the database seeded with messages.</summary>
    public virtual bool ReadsSeededDatabase => false;

    /// <summary>The rate the prepared request lists are sized for, when requests are not repeated.</summary>
    public virtual int MaxRate => 16_000;

    /// <summary>Fills the service's freshly migrated database before the service starts.</summary>
    public virtual Task SeedServiceDatabaseAsync(string path, RunPlan plan) => Task.CompletedTask;

    /// <summary>Fills the floor's database before the floor starts.</summary>
    public virtual Task SeedFloorDatabaseAsync(string path, RunPlan plan) => Task.CompletedTask;

    /// <summary>Prepares the running target, through its API.</summary>
    public virtual Task PrepareAsync(Target target, RunPlan plan) => Task.CompletedTask;

    public abstract IReadOnlyList<LoadRequest> Requests(Target target, RunPlan plan, Phase phase);

    /// <summary>Waits, with the service still running, for what the run set off to finish (the emulator's callbacks).</summary>
    public virtual Task<string?> SettleAsync(Target target, WrkRun run) => Task.FromResult<string?>(null);

    /// <summary>Checks the service's stored rows once it has stopped; null when the scenario writes nothing.</summary>
    public virtual Task<RowCheck?> VerifyAsync(string databasePath, WrkRun run, string? settled) => Task.FromResult<RowCheck?>(null);

    protected static long IdBase(Phase phase) => phase == Phase.Measure ? MeasureIdBase : 0;
}
