namespace Messaging.Infrastructure.Twilio;

/// <summary>Refuses media settings that would relay nothing or name something other than a host.</summary>
internal sealed class TwilioMediaOptionsValidator : IValidateOptions<TwilioMediaOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioMediaOptions options)
    {
        var failures = new List<string>();
        if (options.MaxMediaBytes <= 0)
        {
            failures.Add("Twilio:MaxMediaBytes must be a positive number of bytes.");
        }

        foreach (var host in options.MediaCdnHosts ?? [])
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                failures.Add($"Twilio:MediaCdnHosts entries must be host names such as mms.twiliocdn.com (no scheme, port or address); got '{host}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
