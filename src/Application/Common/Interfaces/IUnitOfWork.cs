namespace Messaging.Application.Common.Interfaces;

/// <summary>
/// Runs a command's writes as one unit of work: whatever the repositories write inside the work is committed together
/// or not at all, isolated from every other unit, and <see cref="Run{T}"/> returns only once it is durable. Units that
/// arrive together may share one transaction and one commit; a unit that fails is undone alone, without failing the
/// others. A unit run inside another one is undone alone when it fails (a savepoint), leaving the outer unit to carry on.
/// </summary>
/// <remarks>
/// The work must only read and write through the repositories (no calls to Twilio or anything else slow), and must be
/// safe to run again from the start: if the shared transaction as a whole fails, each unit is retried on its own.
/// </remarks>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> as one unit. <paramref name="cancellationToken"/> withdraws the unit while it waits
    /// for its turn; once started it runs to the end, and the token the work receives cannot be canceled.
    /// </summary>
    Task<T> Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
