using Microsoft.Extensions.Options;

namespace Messaging.Api.Infrastructure;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        options.MaxRequestBodyBytes < 1
            ? ValidateOptionsResult.Fail($"{ApiOptions.SectionName}:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}; it must be at least 1.")
            : ValidateOptionsResult.Success;
}
