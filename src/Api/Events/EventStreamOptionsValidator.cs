using Messaging.Application.Common.Configuration;

namespace Messaging.Api.Events;

internal sealed class EventStreamOptionsValidator : IValidateOptions<EventStreamOptions>
{
    public const int MaxStreamsPerKeyCeiling = 10_000;

    public ValidateOptionsResult Validate(string? name, EventStreamOptions options) =>
        new SettingChecks(EventStreamOptions.SectionName)
            .Within(nameof(options.MaxStreamsPerKey), options.MaxStreamsPerKey, 1, MaxStreamsPerKeyCeiling)
            .Result;
}
