using Messaging.Application.Common.Configuration;

namespace Messaging.Infrastructure.Idempotency;

internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options) =>
        new SettingChecks(IdempotencyOptions.SectionName)
            .AtLeast(nameof(options.RetentionHours), options.RetentionHours, IdempotencyOptions.MinimumRetentionHours)
            .AtLeast(nameof(options.PurgeIntervalMinutes), options.PurgeIntervalMinutes, 1)
            .Result;
}
