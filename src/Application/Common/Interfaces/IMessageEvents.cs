using Messaging.Application.Messages;

namespace Messaging.Application.Common.Interfaces;

/// <summary>
/// Tells live listeners (the dashboard) that a message was stored or changed. Called after the save, so a listener that
/// refetches on an event always finds what the event announced. Must not throw and must not block.
/// </summary>
public interface IMessageEvents
{
    void Publish(MessageDto message);
}
