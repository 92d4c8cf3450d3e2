using Messaging.Application.Common.Configuration;

namespace Messaging.Application.Templates;

internal sealed class TemplateOptionsValidator : IValidateOptions<TemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, TemplateOptions options) =>
        new SettingChecks(TemplateOptions.SectionName)
            .Require(
                options.CacheSeconds is >= 0 and <= TemplateOptions.MaxSeconds,
                nameof(options.CacheSeconds),
                options.CacheSeconds,
                $"from 0 to {TemplateOptions.MaxSeconds} (a day)")
            .Require(
                options.RecheckSeconds >= 0 && options.RecheckSeconds <= Math.Max(0, options.CacheSeconds),
                nameof(options.RecheckSeconds),
                options.RecheckSeconds,
                $"from 0 to {TemplateOptions.SectionName}:CacheSeconds ({options.CacheSeconds})")
            .Result;
}
