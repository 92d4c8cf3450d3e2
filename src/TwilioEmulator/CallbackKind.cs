namespace Messaging.TwilioEmulator;

/// <summary>What a webhook the emulator posted was about.</summary>
public enum CallbackKind
{
    /// <summary>A status change of a sent message, posted to its <c>StatusCallback</c>.</summary>
    Status,

    /// <summary>A message a customer sent, posted to the inbound webhook URL.</summary>
    Inbound,
}
