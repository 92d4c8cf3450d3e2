namespace Messaging.Infrastructure.Twilio;

internal sealed class TwilioResilienceOptionsValidator : IValidateOptions<TwilioResilienceOptions>
{
    private const int MaxRetryAttempts = 10;

    public ValidateOptionsResult Validate(string? name, TwilioResilienceOptions options)
    {
        const string Section = TwilioResilienceOptions.SectionName;
        var failures = new List<string>();
        if (options.AttemptTimeoutSeconds < 1)
        {
            failures.Add($"{Section}:AttemptTimeoutSeconds is {options.AttemptTimeoutSeconds}; it must be at least 1.");
        }

        if (options.TotalTimeoutSeconds <= options.AttemptTimeoutSeconds)
        {
            failures.Add(
                $"{Section}:TotalTimeoutSeconds is {options.TotalTimeoutSeconds}; it must be more than AttemptTimeoutSeconds ({options.AttemptTimeoutSeconds}).");
        }

        if (options.MaxRetryAttempts is < 0 or > MaxRetryAttempts)
        {
            failures.Add($"{Section}:MaxRetryAttempts is {options.MaxRetryAttempts}; it must be from 0 to {MaxRetryAttempts}.");
        }

        if (options.RetryDelayMilliseconds < 0 || options.RetryDelay >= options.TotalTimeout)
        {
            failures.Add(
                $"{Section}:RetryDelayMilliseconds is {options.RetryDelayMilliseconds}; it must be from 0 to less than TotalTimeoutSeconds ({options.TotalTimeoutSeconds}).");
        }

        if (options.MaxRetryAfterSeconds < 0 || options.MaxRetryAfterSeconds >= options.TotalTimeoutSeconds)
        {
            failures.Add(
                $"{Section}:MaxRetryAfterSeconds is {options.MaxRetryAfterSeconds}; it must be from 0 to less than TotalTimeoutSeconds ({options.TotalTimeoutSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
