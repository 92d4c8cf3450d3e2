using Messaging.Application.Common.Configuration;

namespace Messaging.Infrastructure.Events;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public const int MinPollIntervalMilliseconds = 10;
    public const int MaxPollIntervalMilliseconds = 60_000;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options) =>
        new SettingChecks(OutboxOptions.SectionName)
            .AtLeast(nameof(options.RetentionDays), options.RetentionDays, 1)
            .AtLeast(nameof(options.PurgeIntervalMinutes), options.PurgeIntervalMinutes, 1)
            .Within(nameof(options.PollIntervalMilliseconds), options.PollIntervalMilliseconds, MinPollIntervalMilliseconds, MaxPollIntervalMilliseconds)
            .Result;
}
