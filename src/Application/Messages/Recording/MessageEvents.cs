using AutoMapper;
using Messaging.Application.Conversations.Events;
using Messaging.Application.Events;

namespace Messaging.Application.Messages.Recording;

/// <summary>
/// The events a change to a message announces, recorded in the outbox inside the change's unit of work: each carries
/// the message as the unit left it, and the conversation's row as the insert answered it, so each event holds what its
/// transaction committed.
/// </summary>
public sealed class MessageEvents(IEventOutbox outbox, IMapper mapper)
{
    /// <summary>
    /// A message was stored: <see cref="EventTypes.MessageReceived"/> or <see cref="EventTypes.MessageSent"/>, then
    /// <see cref="EventTypes.ConversationUpdated"/>. Returns the message as the events carry it.
    /// </summary>
    /// <param name="conversation">The conversation's row as the insert left it, when the store answered it.</param>
    public MessageDto Added(Message message, ConversationCounters? conversation)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dto = mapper.Map<MessageDto>(message);
        outbox.Add(
            message.Direction == MessageDirection.Inbound ? EventTypes.MessageReceived : EventTypes.MessageSent,
            message.Contact,
            dto);
        if (conversation is not null)
        {
            outbox.Add(EventTypes.ConversationUpdated, message.Contact, ConversationUpdatedDto.From(conversation));
        }

        return dto;
    }

    /// <summary>A stored message's status (or SID) changed: <see cref="EventTypes.MessageStatusChanged"/>.</summary>
    public MessageDto Changed(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dto = mapper.Map<MessageDto>(message);
        outbox.Add(EventTypes.MessageStatusChanged, message.Contact, dto);
        return dto;
    }
}
