namespace Messaging.Infrastructure.Persistence;

/// <summary>One kind of row deleted by age, run every <see cref="Interval"/> by <see cref="PeriodicPurgeService{TPurge}"/>.</summary>
internal interface IPurge
{
    /// <summary>Time between two rounds.</summary>
    TimeSpan Interval { get; }

    /// <summary>What a round deletes, for the log ("expired idempotency keys").</summary>
    string Rows { get; }

    /// <summary>One round, in a scope of its own; returns how many rows it deleted.</summary>
    Task<int> PurgeAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);
}
