using Messaging.Application.Common.Configuration;

namespace Messaging.Api.Hosting;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        new SettingChecks(ApiOptions.SectionName)
            .AtLeast(nameof(options.MaxRequestBodyBytes), options.MaxRequestBodyBytes, 1)
            .Require(options.MaxConcurrentConnections is null or >= 1, nameof(options.MaxConcurrentConnections), options.MaxConcurrentConnections, "at least 1, or unset")
            .Result;
}
