namespace Messaging.TwilioEmulator;

/// <summary>An injected fault waiting for the next request it targets.</summary>
public sealed record PendingFault(TwilioFault Fault, TwilioFaultTarget Target);
