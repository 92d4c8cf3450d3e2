namespace Messaging.Domain.Messages;

public enum MessageDirection
{
    Outbound,
    Inbound,
}
