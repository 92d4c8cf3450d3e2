namespace Messaging.Application.Common.Models;

/// <summary>A message Twilio lists as sent from this account: what the reconciler matches unknown sends against.</summary>
public sealed record TwilioSentMessage(string Sid, string To, string? Body, int MediaCount, MessageStatus Status, DateTimeOffset? DateCreated);
