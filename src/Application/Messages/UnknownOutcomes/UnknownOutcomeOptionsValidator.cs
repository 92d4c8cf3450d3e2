namespace Messaging.Application.Messages.UnknownOutcomes;

public sealed class UnknownOutcomeOptionsValidator : IValidateOptions<UnknownOutcomeOptions>
{
    private const int MaxBatchSize = 1000;

    public ValidateOptionsResult Validate(string? name, UnknownOutcomeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = UnknownOutcomeOptions.SectionName;
        var failures = new List<string>();
        if (options.LookUpAfterSeconds < 1)
        {
            failures.Add($"{Section}:LookUpAfterSeconds is {options.LookUpAfterSeconds}; it must be at least 1.");
        }

        if (options.GiveUpAfterMinutes < 1 || options.GiveUpAfter <= options.LookUpAfter)
        {
            failures.Add(
                $"{Section}:GiveUpAfterMinutes is {options.GiveUpAfterMinutes}; it must be at least 1 and longer than LookUpAfterSeconds ({options.LookUpAfterSeconds} s).");
        }

        if (options.IntervalSeconds < 1)
        {
            failures.Add($"{Section}:IntervalSeconds is {options.IntervalSeconds}; it must be at least 1.");
        }

        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"{Section}:BatchSize is {options.BatchSize}; it must be from 1 to {MaxBatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
