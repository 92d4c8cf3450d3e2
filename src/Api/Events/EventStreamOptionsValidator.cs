namespace Messaging.Api.Events;

internal sealed class EventStreamOptionsValidator : IValidateOptions<EventStreamOptions>
{
    public const int MaxStreamsPerKeyCeiling = 10_000;

    public ValidateOptionsResult Validate(string? name, EventStreamOptions options) =>
        options.MaxStreamsPerKey is < 1 or > MaxStreamsPerKeyCeiling
            ? ValidateOptionsResult.Fail(
                $"{EventStreamOptions.SectionName}:MaxStreamsPerKey is {options.MaxStreamsPerKey}; it must be from 1 to {MaxStreamsPerKeyCeiling}.")
            : ValidateOptionsResult.Success;
}
