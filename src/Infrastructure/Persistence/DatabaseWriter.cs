using System.Data;
using System.Diagnostics;
using System.Threading.Channels;
using Messaging.Application.Common.Diagnostics;
using Messaging.Infrastructure.Events;
using Microsoft.EntityFrameworkCore.Storage;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The one path by which this process writes to the database. Callers queue units of work; whoever writes (a loop,
/// or a caller that finds nobody writing) takes whatever is queued (up to <see cref="DatabaseOptions.MaxWriteBatchSize"/>),
/// runs the units one after the other in one serializable transaction, each behind a savepoint, commits once and only
/// then answers every caller: one commit (one fsync, one log flush) for all the writes that arrived together. One
/// batch runs at a time, so writers never contend inside the process and no request waits on a database lock; readers
/// use their own connections alongside (SQLite in WAL mode).
/// </summary>
/// <remarks>
/// A unit that throws is rolled back to its savepoint and fails alone. A transaction the database aborts to settle a
/// conflict with another process is run again; one that fails as a whole otherwise (its commit, a broken savepoint) is
/// split, and each unit is run in a transaction of its own. Between processes (several instances on one database
/// server) the database still decides races: the writer only removes contention inside one process.
/// </remarks>
internal sealed partial class DatabaseWriter : IAsyncDisposable, IDisposable
{
    // Each unit's savepoint, as prepared statements: EF Core's savepoint calls build a new command every time.
    private readonly string _savepoint;
    private readonly string _releaseSavepoint;
    private readonly string _rollbackToSavepoint;
    // SQL Server and SQLite abort a transaction only on a real deadlock or a lock held too long. PostgreSQL's
    // serializable isolation aborts one of any two transactions whose reads and writes overlap, down to sharing an
    // index page, so there an abort is routine under contention and takes more attempts to get through.
    private const int MaxAttempts = 3;
    private const int PostgreSqlMaxAttempts = 10;

    // Two writers aborted by the same conflict would otherwise run again at once and meet again: each waits a random
    // time up to this, doubled after every attempt.
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMilliseconds(100);

    private readonly Channel<WriteUnit> _queue =
        Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });

    private readonly AsyncServiceScope _scope;
    private readonly MessagingDbContext _context;
    private readonly bool _isSqlite;
    private readonly int _maxBatchSize;
    private readonly int _maxAttempts;
    private readonly ILogger<DatabaseWriter> _logger;
    private readonly PreparedStatements _statements = new();

    // Whoever holds it writes: the loop, or a caller that found nobody writing.
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly MessagingTelemetry _telemetry;
    private readonly OutboxSignal _outboxSignal;
    private readonly Task _loop;

    private long _batches;
    private long _units;
    private long _retries;
    private long _isolated;
    private int _largestBatch;
    private bool _connectionOpen;
    private volatile bool _stopping;
    private int _disposed;
    private int _queued;

    public DatabaseWriter(
        IServiceScopeFactory scopes,
        IOptions<DatabaseOptions> options,
        MessagingTelemetry telemetry,
        OutboxSignal outboxSignal,
        ILogger<DatabaseWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);

        // Not a setting the validator sees, but a chunk of none would never finish a purge.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Value.PurgeChunkSize);

        // A scope of its own for the writer's lifetime: the queue is drained when the container is disposed, by which
        // time no new scope can be created.
        _scope = scopes.CreateAsyncScope();
        _context = _scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        _isSqlite = _context is SqliteMessagingDbContext;
        (_savepoint, _releaseSavepoint, _rollbackToSavepoint) = _context is SqlServerMessagingDbContext
            ? ("SAVE TRANSACTION unit", string.Empty, "ROLLBACK TRANSACTION unit")
            : ("SAVEPOINT unit", "RELEASE SAVEPOINT unit", "ROLLBACK TO SAVEPOINT unit");
        _maxBatchSize = options.Value.MaxWriteBatchSize;
        PurgeChunkSize = options.Value.PurgeChunkSize;
        _maxAttempts = _context is PostgreSqlMessagingDbContext ? PostgreSqlMaxAttempts : MaxAttempts;
        _logger = logger;

        _telemetry = telemetry;
        _outboxSignal = outboxSignal;

        // Started with no execution context: whichever request happened to create the writer must not lend the loop its
        // logging scope or trace for good.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>The most rows a purge deletes in one of its units of work (<see cref="ChunkedDelete"/>).</summary>
    public int PurgeChunkSize { get; }

    public DatabaseWriterStatistics Statistics => new(
        Interlocked.Read(ref _batches),
        Interlocked.Read(ref _units),
        Volatile.Read(ref _largestBatch),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _isolated));

    /// <summary>
    /// Queues <paramref name="work"/> as a unit of its own and returns its result once the transaction holding it has
    /// committed. <paramref name="cancellationToken"/> withdraws the unit while it waits; once started, it runs to the
    /// end. Inside a unit, use <see cref="WriteSession.Current"/> instead: waiting here for a later unit would never end.
    /// </summary>
    public async Task<T> Execute<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (WriteSession.Current is not null)
        {
            throw new InvalidOperationException("A unit of work cannot wait for another unit; run it inside the current one.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var unit = new WriteUnit(async token => await work(token));
        unit.WithdrawOn(cancellationToken);
        if (_stopping)
        {
            unit.Abandon(new ObjectDisposedException(nameof(DatabaseWriter), "The database writer has stopped."));
        }
        else if (_turn.Wait(0, CancellationToken.None))
        {
            // Nobody is writing: this caller writes now, on its own thread, with whatever else is queued, instead of
            // handing over to the loop and waiting to be handed back (two thread switches when the service is quiet).
            try
            {
                await RunQueuedAsync(first: unit);
            }
            finally
            {
                _turn.Release();
            }
        }
        else if (_queue.Writer.TryWrite(unit))
        {
            Interlocked.Increment(ref _queued);
        }
        else
        {
            unit.Abandon(new ObjectDisposedException(nameof(DatabaseWriter), "The database writer has stopped."));
        }

        return (T)(await unit.Outcome)!;
    }

    /// <summary>Units queued and not yet taken into a batch.</summary>
    public int QueuedUnits => Volatile.Read(ref _queued);

    /// <summary>Stops taking work and returns once everything already queued is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping = true;
        _queue.Writer.TryComplete();
        await _loop;

        // A caller may still be writing on its own thread.
        await _turn.WaitAsync();
        await CloseConnectionAsync();
        await _scope.DisposeAsync();
        _turn.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            await _turn.WaitAsync();
            try
            {
                await RunQueuedAsync(first: null);
            }
            finally
            {
                _turn.Release();
            }
        }
    }

    // One batch: the given unit, then queued units up to the batch size. Called holding the turn.
    private async Task RunQueuedAsync(WriteUnit? first)
    {
        var batch = new List<WriteUnit>();
        if (first is not null && first.TryStart())
        {
            batch.Add(first);
        }

        while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var unit))
        {
            Interlocked.Decrement(ref _queued);
            if (unit.TryStart())
            {
                batch.Add(unit);
            }
        }

        if (batch.Count > 0)
        {
            await RunBatchAsync(batch);
        }
    }

    private async Task RunBatchAsync(List<WriteUnit> batch)
    {
        // One span per transaction, in the trace of the first traced unit it carries and linked to the others': a batch
        // run by the writer's own loop has no request of its own around it.
        using var activity = StartCommitActivity(batch);
        try
        {
            // Through the provider's execution strategy, which on a database server runs the whole batch again after
            // a dropped connection or a server refusing work for a while; conflicts with other writers are retried
            // sooner inside it. A retrying strategy refuses a transaction begun outside it, so this is the only way in.
            await _context.Database.CreateExecutionStrategy().ExecuteAsync(batch, CommitOrCloseAsync);
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            // Nothing of the batch is stored. Run each unit alone, so that only the one that broke the transaction fails.
            await CloseConnectionAsync();
            Interlocked.Increment(ref _isolated);
            LogBatchSplit(_logger, exception, batch.Count);
            foreach (var unit in batch)
            {
                await RunBatchAsync([unit]);
            }

            return;
        }
        catch (Exception exception)
        {
            await CloseConnectionAsync();
            batch[0].LostWith(exception);
        }

        foreach (var unit in batch)
        {
            unit.Publish();
        }
    }

    private async Task CommitOrCloseAsync(List<WriteUnit> batch)
    {
        try
        {
            await CommitWithRetriesAsync(batch);
        }
        catch
        {
            // The strategy may run the batch again: on a fresh connection, in case the failure was the connection's.
            await CloseConnectionAsync();
            throw;
        }
    }

    private async Task CommitWithRetriesAsync(List<WriteUnit> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommitTogetherAsync(batch);
                return;
            }
            catch (Exception exception) when (attempt < _maxAttempts && DatabaseErrors.IsTransient(exception))
            {
                Interlocked.Increment(ref _retries);
                LogBatchRetried(_logger, exception, batch.Count, attempt);
                await Task.Delay(Backoff(attempt));
            }
        }
    }

    private static Activity? StartCommitActivity(List<WriteUnit> batch)
    {
        if (!MessagingTelemetry.Source.HasListeners())
        {
            return null;
        }

        // The parent is the first unit that has a trace: a background loop's unit carries none, and one that happened to
        // be first would otherwise make the commit a trace of its own, missing from the request's.
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var unit in batch)
        {
            if (unit.TraceContext == default)
            {
                continue;
            }

            if (parent == default)
            {
                parent = unit.TraceContext;
            }
            else
            {
                (links ??= []).Add(new ActivityLink(unit.TraceContext));
            }
        }

        var activity = MessagingTelemetry.Source.StartActivity("database commit", ActivityKind.Internal, parent, tags: null, links: links);
        activity?.SetTag("messaging.db.write_batch.size", batch.Count);
        return activity;
    }

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1), LongestBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private async Task CommitTogetherAsync(List<WriteUnit> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var database = _context.Database;
        await OpenConnectionAsync();

        // Serializable, so a unit's reads of its own rows (is the message stored yet? is a status pending?) are
        // protected from other processes until the commit: SQLite always is; SQL Server takes key-range locks;
        // PostgreSQL fails one of two transactions whose reads and writes overlap, and the retry runs it again.
        await using (var transaction = await database.BeginTransactionAsync(IsolationLevel.Serializable))
        {
            // One unit alone needs no savepoint: if it fails, the whole transaction is rolled back instead.
            var alone = batch.Count == 1;
            foreach (var unit in batch)
            {
                await RunUnitAsync(unit, transaction, savepoint: !alone);
            }

            if (alone && batch[0].FailedOnItsOwn)
            {
                await transaction.RollbackAsync();
                RecordBatch(batch.Count, Stopwatch.GetElapsedTime(started));
                return;
            }

            // Last, so that the outbox's head row is held for as short a time as possible.
            var events = batch.Count == 1 ? batch[0].Events : batch.SelectMany(u => u.Events).ToList();
            var stored = events.Count > 0
                ? await OutboxWrites.AppendAsync(_context, transaction.GetDbTransaction(), _statements, events)
                : null;

            await transaction.CommitAsync();
            if (stored is not null)
            {
                _outboxSignal.Committed(stored);
            }
        }

        RecordBatch(batch.Count, Stopwatch.GetElapsedTime(started));
    }

    // The connection stays open between batches, so that the prepared statements on it stay prepared; after a failure
    // it is closed, in case the failure was the connection's, and opened afresh for the next batch.
    private async Task OpenConnectionAsync()
    {
        if (_connectionOpen)
        {
            return;
        }

        await _context.Database.OpenConnectionAsync();
        _connectionOpen = true;
        if (_isSqlite)
        {
            // FULL syncs the log at every commit, so a caller is only answered once its rows survive a power cut.
            await _context.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL;");
        }
    }

    private async Task CloseConnectionAsync()
    {
        _statements.Clear();
        if (_connectionOpen)
        {
            _connectionOpen = false;
            await _context.Database.CloseConnectionAsync();
        }
    }

    private async Task RunUnitAsync(WriteUnit unit, IDbContextTransaction transaction, bool savepoint)
    {
        if (savepoint)
        {
            await RunAsync(_savepoint, transaction);
        }

        var session = WriteSession.Begin(_context, transaction, _statements);
        object? result = null;
        IReadOnlyList<PendingEvent> events = [];
        Exception? failure = null;
        try
        {
            result = await unit.RunAsync();
            events = session.Events;
        }
        // A transient failure is not the unit's own: the database gave up on the whole transaction (SQL Server has rolled
        // it back; PostgreSQL would refuse its commit), so it goes on to the retry around the batch instead.
        catch (Exception exception) when (!DatabaseErrors.IsTransient(exception))
        {
            failure = exception;
        }
        finally
        {
            // Entities the unit loaded or saved belong to its caller now; the next unit starts from a clean context.
            session.End();
            _context.ChangeTracker.Clear();
        }

        if (failure is not null)
        {
            unit.FailedWith(failure);
            if (savepoint)
            {
                // Throws when the failure took the whole transaction with it; the batch is then split.
                await RunAsync(_rollbackToSavepoint, transaction);
            }

            return;
        }

        if (savepoint && _releaseSavepoint.Length > 0)
        {
            // SQL Server has no release: a savepoint simply stays until the commit.
            await RunAsync(_releaseSavepoint, transaction);
        }

        unit.Succeeded(result, events);
    }

    private Task<int> RunAsync(string sql, IDbContextTransaction transaction) =>
        _statements.For(_context.Database.GetDbConnection(), transaction.GetDbTransaction(), sql).ExecuteNonQueryAsync();

    private void RecordBatch(int size, TimeSpan duration)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _units, size);
        if (size > _largestBatch)
        {
            // Only this loop writes it.
            Volatile.Write(ref _largestBatch, size);
        }

        _telemetry.WriteBatch(size, duration);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write transaction of {Units} units failed as a whole; running each unit on its own")]
    private static partial void LogBatchSplit(ILogger logger, Exception exception, int units);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database aborted a write transaction of {Units} units (attempt {Attempt}); running it again")]
    private static partial void LogBatchRetried(ILogger logger, Exception exception, int units, int attempt);
}
