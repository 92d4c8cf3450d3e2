namespace Messaging.TwilioEmulator;

/// <summary>How a <see cref="TwilioEmulatorServer"/> listens, which account it accepts and how it plays Twilio's part.</summary>
public sealed class TwilioEmulatorOptions
{
    /// <summary>The only account SID the emulator authenticates; the path's account must match it.</summary>
    public string AccountSid { get; set; } = TwilioEmulatorDefaults.AccountSid;

    /// <summary>The auth token paired with <see cref="AccountSid"/> in HTTP basic authentication; also signs webhooks.</summary>
    public string AuthToken { get; set; } = TwilioEmulatorDefaults.AuthToken;

    /// <summary>Where to listen: an <c>http</c> address on a loopback host; port 0 picks any free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The clock stamped on messages and driving the delays between status callbacks.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The WhatsApp number customers write to: the <c>To</c> of simulated inbound messages.</summary>
    public string Sender { get; set; } = TwilioEmulatorDefaults.Sender;

    /// <summary>Where simulated inbound messages are posted; can also be set later on the server.</summary>
    public Uri? InboundWebhookUrl { get; set; }

    /// <summary>The wait before each status change of a sent message (and its callback).</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long the emulator waits for a webhook receiver to answer; Twilio waits 15 seconds.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public CallbackOrder CallbackOrder { get; set; } = CallbackOrder.InOrder;

    /// <summary>The seed of the shuffle for <see cref="CallbackOrder.Shuffled"/>, so a test sees the same order every run.</summary>
    public int CallbackOrderSeed { get; set; }

    /// <summary>
    /// Applies WhatsApp's customer-service window: a free-form message (no <c>ContentSid</c>) to a contact who has not
    /// written within <see cref="CustomerServiceWindow"/> fails with 63016. Templates approved for WhatsApp always go
    /// through; other templates only where WhatsApp lets them (see the README).
    /// </summary>
    public bool EnforceCustomerServiceWindow { get; set; } = true;

    public TimeSpan CustomerServiceWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The content templates the Content API serves and message creates may name in <c>ContentSid</c>;
    /// <see cref="SampleContentTemplates.All"/> unless replaced or extended. Checked when the emulator starts.
    /// </summary>
    public IList<ContentTemplate> ContentTemplates { get; set; } = [.. SampleContentTemplates.All];
}
