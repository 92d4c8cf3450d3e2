namespace Messaging.Application.Messages.Commands.ReceiveInboundMessage;

/// <summary>One medium of an inbound message, as Twilio posted it (<c>MediaUrl{i}</c>, <c>MediaContentType{i}</c>).</summary>
public sealed record InboundMedia(string? Url, string? ContentType);
