namespace Messaging.Application.Messages.Commands.ReceiveInboundMessage;

/// <summary>A message a customer sent, as Twilio's inbound webhook posted it.</summary>
public sealed record ReceiveInboundMessageCommand(
    string? MessageSid,
    string? From,
    string? To,
    string? Body = null,
    IReadOnlyList<InboundMedia>? Media = null,
    string? ProfileName = null) : IRequest<MessageDto>;
