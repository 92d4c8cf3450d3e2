namespace Messaging.Domain.Messages;

/// <summary>One medium of a message: where it is and, for media customers send, what Twilio said it is.</summary>
public sealed record MessageMedia(string Url, string? ContentType);
