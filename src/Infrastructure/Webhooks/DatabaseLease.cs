using Messaging.Infrastructure.Persistence;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>Takes and renews a <see cref="Lease"/> row on any of the three databases.</summary>
internal sealed class DatabaseLease(MessagingDbContext context, DatabaseWriter writer)
{
    /// <summary>
    /// Takes the lease for <paramref name="holder"/> until <paramref name="now"/> + <paramref name="duration"/> if it
    /// holds it already or nobody does any longer; returns whether it holds it now. One conditional update: the database
    /// lets only one of two instances that try at once change the row.
    /// </summary>
    public Task<bool> TryHold(string name, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = now + duration;
        return WriteRoute.Write(
            context,
            writer,
            async (db, token) => await db.Leases
                .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
                .ExecuteUpdateAsync(setters => setters.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), token) == 1,
            cancellationToken);
    }
}
