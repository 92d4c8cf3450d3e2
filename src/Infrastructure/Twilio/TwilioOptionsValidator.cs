using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Refuses half-configured Twilio settings at start rather than at the first send.</summary>
internal sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
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
            if (!WhatsAppSenderPattern().IsMatch(options.From))
            {
                failures.Add("Twilio:From must be a WhatsApp address 'whatsapp:+' followed by the E.164 digits, e.g. whatsapp:+14155238886.");
            }
        }
        else if (hasSid && hasToken)
        {
            failures.Add("Twilio:From is required when Twilio credentials are set.");
        }

        AddIfNotHttp(failures, options.ApiBaseUrl, "Twilio:ApiBaseUrl");
        AddIfNotHttp(failures, options.EmulatorUrl, "Twilio:EmulatorUrl");
        AddIfNotHttp(failures, options.PublicBaseUrl, "Twilio:PublicBaseUrl");
        if (options.PublicBaseUrl is { IsAbsoluteUri: true } publicBaseUrl
            && (publicBaseUrl.Query.Length > 0 || publicBaseUrl.Fragment.Length > 0))
        {
            failures.Add("Twilio:PublicBaseUrl must have no query or fragment; webhook paths are appended to it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotHttp(List<string> failures, Uri? url, string key)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{key} must be an absolute http or https URL.");
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex(@"^whatsapp:\+[1-9][0-9]{7,14}$")]
    private static partial Regex WhatsAppSenderPattern();
}
