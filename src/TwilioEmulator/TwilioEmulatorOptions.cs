namespace Messaging.TwilioEmulator;

/// <summary>How a <see cref="TwilioEmulatorServer"/> listens and which account it accepts.</summary>
public sealed class TwilioEmulatorOptions
{
    /// <summary>The only account SID the emulator authenticates; the path's account must match it.</summary>
    public string AccountSid { get; set; } = TwilioEmulatorDefaults.AccountSid;

    /// <summary>The auth token paired with <see cref="AccountSid"/> in HTTP basic authentication.</summary>
    public string AuthToken { get; set; } = TwilioEmulatorDefaults.AuthToken;

    /// <summary>Where to listen: an <c>http</c> address on a loopback host; port 0 picks any free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The clock stamped on created messages.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
