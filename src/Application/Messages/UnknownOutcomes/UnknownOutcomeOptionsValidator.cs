using Messaging.Application.Common.Configuration;

namespace Messaging.Application.Messages.UnknownOutcomes;

public sealed class UnknownOutcomeOptionsValidator : IValidateOptions<UnknownOutcomeOptions>
{
    private const int MaxBatchSize = 1000;

    public ValidateOptionsResult Validate(string? name, UnknownOutcomeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SettingChecks(UnknownOutcomeOptions.SectionName)
            .AtLeast(nameof(options.LookUpAfterSeconds), options.LookUpAfterSeconds, 1)
            .Require(
                options.GiveUpAfterMinutes >= 1 && options.GiveUpAfter > options.LookUpAfter,
                nameof(options.GiveUpAfterMinutes),
                options.GiveUpAfterMinutes,
                $"at least 1 and longer than LookUpAfterSeconds ({options.LookUpAfterSeconds} s)")
            .AtLeast(nameof(options.IntervalSeconds), options.IntervalSeconds, 1)
            .Within(nameof(options.BatchSize), options.BatchSize, 1, MaxBatchSize)
            .Result;
    }
}
