using Messaging.Infrastructure.Events;
using Microsoft.EntityFrameworkCore.Storage;

namespace Messaging.Infrastructure.Persistence;

/// <summary>
/// The unit of work the <see cref="DatabaseWriter"/> is running on the current async flow: its context and transaction.
/// Repositories called while a unit runs read and write through it, so that everything the unit does shares the
/// writer's transaction; outside a unit there is none.
/// </summary>
internal sealed class WriteSession
{
    private static readonly AsyncLocal<WriteSession?> Ambient = new();

    private bool _active = true;
    private int _depth;

    private WriteSession(MessagingDbContext context, IDbContextTransaction transaction, PreparedStatements statements)
    {
        Context = context;
        Transaction = transaction;
        Statements = statements;
    }

    /// <summary>
    /// The unit running on this async flow, if any. A task the unit started and left running sees none once the unit
    /// has ended, rather than a context that is about to be reused or disposed.
    /// </summary>
    public static WriteSession? Current => Ambient.Value is { _active: true } session ? session : null;

    public MessagingDbContext Context { get; }

    public IDbContextTransaction Transaction { get; }

    /// <summary>The writer's prepared commands, on the same connection.</summary>
    public PreparedStatements Statements { get; }

    /// <summary>The events the unit recorded so far; the writer writes them, positioned, just before the commit.</summary>
    public List<PendingEvent> Events { get; } = [];

    /// <summary>Makes a new session current on this async flow until <see cref="End"/>.</summary>
    public static WriteSession Begin(MessagingDbContext context, IDbContextTransaction transaction, PreparedStatements statements)
    {
        var session = new WriteSession(context, transaction, statements);
        Ambient.Value = session;
        return session;
    }

    public void End()
    {
        _active = false;
        Ambient.Value = null;
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the current unit behind a savepoint of its own: when it fails, what it wrote
    /// is undone and its exception thrown, and the unit around it carries on.
    /// </summary>
    public async Task<T> RunNested<T>(Func<CancellationToken, Task<T>> work)
    {
        var savepoint = "nested" + (++_depth).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = Events.Count;
        try
        {
            await Transaction.CreateSavepointAsync(savepoint);
            T result;
            try
            {
                result = await work(CancellationToken.None);
            }
            catch
            {
                // The events of what was undone were never true.
                await Transaction.RollbackToSavepointAsync(savepoint);
                Events.RemoveRange(events, Events.Count - events);
                throw;
            }

            await Transaction.ReleaseSavepointAsync(savepoint);
            return result;
        }
        finally
        {
            _depth--;
        }
    }
}
