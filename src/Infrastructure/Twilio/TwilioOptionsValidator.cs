using System.Text.RegularExpressions;
using Messaging.Domain.Messages;
using Messaging.TwilioEmulator;
using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Refuses half-configured Twilio settings at start rather than at the first send, and refuses, outside Development,
/// to trust the emulator's public auth token unless <see cref="TwilioOptions.UseEmulator"/> says that is intended.
/// </summary>
internal sealed partial class TwilioOptionsValidator(IHostEnvironment environment) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        var hasSid = !string.IsNullOrWhiteSpace(options.AccountSid);
        var hasToken = !string.IsNullOrWhiteSpace(options.AuthToken);
        if (hasSid != hasToken)
        {
            failures.Add(
                "Twilio:AccountSid and Twilio:AuthToken must both be set (to use Twilio) or both be empty (to use the embedded emulator).");
        }

        if (hasSid && !AccountSidPattern().IsMatch(options.AccountSid!))
        {
            failures.Add("Twilio:AccountSid must be 'AC' followed by 32 hexadecimal digits.");
        }

        if (!string.IsNullOrWhiteSpace(options.From))
        {
            if (!WhatsAppAddress.IsCanonical(options.From))
            {
                failures.Add("Twilio:From must be a WhatsApp address 'whatsapp:+' followed by the E.164 digits, e.g. whatsapp:+14155238886.");
            }
        }
        else if (hasSid && hasToken)
        {
            failures.Add("Twilio:From is required when Twilio credentials are set.");
        }

        if (!environment.IsDevelopment() && !options.UseEmulator && TrustsThePublicToken(options, hasSid && hasToken))
        {
            failures.Add(
                $"Twilio credentials are required outside Development (environment '{environment.EnvironmentName}'): set " +
                "Twilio:AccountSid, Twilio:AuthToken and Twilio:From. Without them the service would run against an emulator, " +
                "send nothing to WhatsApp and accept webhooks signed with the emulator's public token. To run against the " +
                "emulator on purpose, set Twilio:UseEmulator=true.");
        }

        AddIfNotHttp(failures, options.ApiBaseUrl, "Twilio:ApiBaseUrl");
        if (options.ApiBaseUrl is { IsAbsoluteUri: true } apiBaseUrl && apiBaseUrl.Scheme == Uri.UriSchemeHttp && !apiBaseUrl.IsLoopback)
        {
            failures.Add("Twilio:ApiBaseUrl must use https (plain http only on a loopback address): the account's credentials travel with every request.");
        }

        AddIfNotHttp(failures, options.EmulatorUrl, "Twilio:EmulatorUrl");
        AddIfNotHttp(failures, options.PublicBaseUrl, "Twilio:PublicBaseUrl");
        if (options.PublicBaseUrl is { IsAbsoluteUri: true } publicBaseUrl
            && (publicBaseUrl.Query.Length > 0 || publicBaseUrl.Fragment.Length > 0))
        {
            failures.Add("Twilio:PublicBaseUrl must have no query or fragment; webhook paths are appended to it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether webhooks would be checked with the emulator's token, which is public.</summary>
    internal static bool TrustsThePublicToken(TwilioOptions options, bool hasCredentials) =>
        !hasCredentials || string.Equals(options.AuthToken?.Trim(), TwilioEmulatorDefaults.AuthToken, StringComparison.Ordinal);

    private static void AddIfNotHttp(List<string> failures, Uri? url, string key)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{key} must be an absolute http or https URL.");
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

}
