namespace Messaging.Application.Common.Interfaces;

/// <summary>Keeps statuses Twilio reported for messages not stored yet, until they can be applied.</summary>
public interface IPendingStatusUpdateRepository
{
    /// <summary>Stores <paramref name="update"/>; it is visible to every reader once this returns.</summary>
    Task Add(PendingStatusUpdate update, CancellationToken cancellationToken);

    /// <summary>The updates kept for <paramref name="waSid"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingStatusUpdate>> ListFor(string waSid, CancellationToken cancellationToken);

    /// <summary>The SID of an update kept for the message stored under <paramref name="messageId"/>, or null when none is.</summary>
    Task<string?> FindSidFor(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Deletes the updates with these ids; ids already deleted are ignored.</summary>
    Task Remove(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
