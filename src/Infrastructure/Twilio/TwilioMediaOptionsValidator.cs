using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Refuses media settings that would send credentials in clear text over a network, or relay nothing.</summary>
internal sealed class TwilioMediaOptionsValidator : IValidateOptions<TwilioMediaOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioMediaOptions options)
    {
        var failures = new List<string>();
        if (options.MaxMediaBytes <= 0)
        {
            failures.Add("Twilio:MaxMediaBytes must be a positive number of bytes.");
        }

        foreach (var host in options.MediaHosts ?? [])
        {
            if (host is null || !host.IsAbsoluteUri || host.AbsolutePath != "/" || host.Query.Length > 0 || host.UserInfo.Length > 0)
            {
                failures.Add($"Twilio:MediaHosts entries must be origins such as https://api.twilio.com; got '{host}'.");
            }
            else if (host.Scheme != Uri.UriSchemeHttps && !(host.Scheme == Uri.UriSchemeHttp && host.IsLoopback))
            {
                failures.Add($"Twilio:MediaHosts entries must use https (http only on loopback); got '{host}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
