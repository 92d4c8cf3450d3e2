namespace Messaging.TwilioEmulator;

/// <summary>A medium a simulated customer sent: its Twilio resource and the bytes its CDN address serves.</summary>
internal sealed record EmulatedMedia(string Sid, string MessageSid, string ContentType, byte[] Content, string CdnToken);
