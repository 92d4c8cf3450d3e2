namespace Messaging.Application.Common.Models;

/// <summary>Twilio's answer to a create-message call.</summary>
public sealed record TwilioSendResult(string Sid, MessageStatus Status);
