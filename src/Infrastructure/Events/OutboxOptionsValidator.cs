namespace Messaging.Infrastructure.Events;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public const int MinPollIntervalMilliseconds = 10;
    public const int MaxPollIntervalMilliseconds = 60_000;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.RetentionDays < 1)
        {
            failures.Add($"{OutboxOptions.SectionName}:RetentionDays is {options.RetentionDays}; it must be at least 1.");
        }

        if (options.PurgeIntervalMinutes < 1)
        {
            failures.Add($"{OutboxOptions.SectionName}:PurgeIntervalMinutes is {options.PurgeIntervalMinutes}; it must be at least 1.");
        }

        if (options.PollIntervalMilliseconds is < MinPollIntervalMilliseconds or > MaxPollIntervalMilliseconds)
        {
            failures.Add(
                $"{OutboxOptions.SectionName}:PollIntervalMilliseconds is {options.PollIntervalMilliseconds}; it must be from {MinPollIntervalMilliseconds} to {MaxPollIntervalMilliseconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
