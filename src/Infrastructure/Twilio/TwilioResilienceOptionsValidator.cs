using Messaging.Application.Common.Configuration;

namespace Messaging.Infrastructure.Twilio;

internal sealed class TwilioResilienceOptionsValidator : IValidateOptions<TwilioResilienceOptions>
{
    private const int MaxRetryAttempts = 10;

    public ValidateOptionsResult Validate(string? name, TwilioResilienceOptions options)
    {
        var lessThanTotal = $"from 0 to less than TotalTimeoutSeconds ({options.TotalTimeoutSeconds})";
        return new SettingChecks(TwilioResilienceOptions.SectionName)
            .AtLeast(nameof(options.AttemptTimeoutSeconds), options.AttemptTimeoutSeconds, 1)
            .Require(
                options.TotalTimeoutSeconds > options.AttemptTimeoutSeconds,
                nameof(options.TotalTimeoutSeconds),
                options.TotalTimeoutSeconds,
                $"more than AttemptTimeoutSeconds ({options.AttemptTimeoutSeconds})")
            .Within(nameof(options.MaxRetryAttempts), options.MaxRetryAttempts, 0, MaxRetryAttempts)
            .Require(
                options.RetryDelayMilliseconds >= 0 && options.RetryDelay < options.TotalTimeout,
                nameof(options.RetryDelayMilliseconds),
                options.RetryDelayMilliseconds,
                lessThanTotal)
            .Require(
                options.MaxRetryAfterSeconds >= 0 && options.MaxRetryAfterSeconds < options.TotalTimeoutSeconds,
                nameof(options.MaxRetryAfterSeconds),
                options.MaxRetryAfterSeconds,
                lessThanTotal)
            .Result;
    }
}
