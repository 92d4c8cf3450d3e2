namespace Messaging.Api.Hosting;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1)
        {
            failures.Add($"{ApiOptions.SectionName}:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}; it must be at least 1.");
        }

        if (options.MaxConcurrentConnections < 1)
        {
            failures.Add($"{ApiOptions.SectionName}:MaxConcurrentConnections is {options.MaxConcurrentConnections}; it must be at least 1, or unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
