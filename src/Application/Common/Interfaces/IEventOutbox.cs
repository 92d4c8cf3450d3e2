namespace Messaging.Application.Common.Interfaces;

/// <summary>
/// Records an event in the transaction of the unit of work that is running (<see cref="IUnitOfWork.Run{T}"/>): it
/// commits with the change it announces or not at all, and gets its position at the commit.
/// </summary>
public interface IEventOutbox
{
    /// <param name="type">One of <see cref="Events.EventTypes"/>.</param>
    /// <param name="conversationKey">The contact's WhatsApp address.</param>
    /// <param name="data">Serialised with <see cref="Events.EventJson.Options"/>, as the API shows it.</param>
    void Add(string type, string conversationKey, object data);
}
