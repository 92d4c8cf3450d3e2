using Messaging.Application.Webhooks;
using Microsoft.Extensions.Hosting;

namespace Messaging.Infrastructure.Webhooks;

internal sealed class WebhookOptionsValidator(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
{
    private const string Section = WebhookOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (environment.IsProduction())
        {
            if (options.AllowHttp)
            {
                failures.Add($"{Section}:AllowHttp must be false in Production: webhooks carry every event's data and go over https only.");
            }

            if (options.AllowPrivateNetworks)
            {
                failures.Add($"{Section}:AllowPrivateNetworks must be false in Production: it would let anyone with the webhooks:manage scope reach internal addresses.");
            }
        }

        if (options.MaxSubscriptions is < 1 or > 1000)
        {
            failures.Add($"{Section}:MaxSubscriptions must be between 1 and 1000.");
        }

        Positive(failures, nameof(options.GiveUpAfter), options.GiveUpAfter);
        Positive(failures, nameof(options.FirstRetryDelay), options.FirstRetryDelay);
        Positive(failures, nameof(options.AttemptTimeout), options.AttemptTimeout);
        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add($"{Section}:MaxRetryDelay must be at least {Section}:FirstRetryDelay.");
        }

        if (options.LeaseDuration < options.AttemptTimeout * 3)
        {
            failures.Add($"{Section}:LeaseDuration must be at least three times {Section}:AttemptTimeout, so that an instance still holds the lease when its attempts end.");
        }

        if (options.MaxConcurrentAttempts is < 1 or > 256)
        {
            failures.Add($"{Section}:MaxConcurrentAttempts must be between 1 and 256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{setting} must be a positive time span (hh:mm:ss).");
        }
    }
}
