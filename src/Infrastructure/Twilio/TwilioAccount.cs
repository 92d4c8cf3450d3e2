using Messaging.TwilioEmulator;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// The account this service acts as: the configured credentials, or the emulator's fixed development credentials
/// when none are configured. Sends authenticate with it and webhook signatures are checked with its token, so both
/// always agree. Deliberately not a record: a generated <c>ToString</c> would print the token into logs.
/// </summary>
public sealed class TwilioAccount
{
    public TwilioAccount(string accountSid, string authToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountSid);
        ArgumentException.ThrowIfNullOrWhiteSpace(authToken);
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public static TwilioAccount From(TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasCredentials
            ? new TwilioAccount(options.AccountSid!.Trim(), options.AuthToken!.Trim())
            : new TwilioAccount(TwilioEmulatorDefaults.AccountSid, TwilioEmulatorDefaults.AuthToken);
    }
}
