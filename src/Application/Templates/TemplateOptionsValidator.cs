namespace Messaging.Application.Templates;

internal sealed class TemplateOptionsValidator : IValidateOptions<TemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, TemplateOptions options)
    {
        var failures = new List<string>();
        if (options.CacheSeconds is < 0 or > TemplateOptions.MaxSeconds)
        {
            failures.Add($"{TemplateOptions.SectionName}:CacheSeconds is {options.CacheSeconds}; it must be from 0 to {TemplateOptions.MaxSeconds} (a day).");
        }

        if (options.RecheckSeconds < 0 || options.RecheckSeconds > Math.Max(0, options.CacheSeconds))
        {
            failures.Add(
                $"{TemplateOptions.SectionName}:RecheckSeconds is {options.RecheckSeconds}; it must be from 0 to " +
                $"{TemplateOptions.SectionName}:CacheSeconds ({options.CacheSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
