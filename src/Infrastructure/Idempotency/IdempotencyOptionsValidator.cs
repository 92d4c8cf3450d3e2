namespace Messaging.Infrastructure.Idempotency;

internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        var failures = new List<string>();
        if (options.RetentionHours < IdempotencyOptions.MinimumRetentionHours)
        {
            failures.Add(
                $"{IdempotencyOptions.SectionName}:RetentionHours is {options.RetentionHours}; it must be at least {IdempotencyOptions.MinimumRetentionHours}.");
        }

        if (options.PurgeIntervalMinutes < 1)
        {
            failures.Add($"{IdempotencyOptions.SectionName}:PurgeIntervalMinutes is {options.PurgeIntervalMinutes}; it must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
