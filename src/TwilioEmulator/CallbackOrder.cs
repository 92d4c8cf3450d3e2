namespace Messaging.TwilioEmulator;

/// <summary>
/// The order in which the emulator posts a message's status callbacks. Twilio does not promise order or single
/// delivery, so receivers must cope with both; the non-default orders let tests prove they do.
/// </summary>
public enum CallbackOrder
{
    /// <summary>One callback per status, in the order the message went through them.</summary>
    InOrder,

    /// <summary>One callback per status, in an order shuffled by <see cref="TwilioEmulatorOptions.CallbackOrderSeed"/>.</summary>
    Shuffled,

    /// <summary>Every callback twice, last status first: e.g. read, read, delivered, delivered, sent, sent.</summary>
    ReversedWithRepeats,
}
