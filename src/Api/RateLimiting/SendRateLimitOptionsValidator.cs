using Messaging.Application.Common.Configuration;

namespace Messaging.Api.RateLimiting;

internal sealed class SendRateLimitOptionsValidator : IValidateOptions<SendRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, SendRateLimitOptions options) =>
        new SettingChecks(SendRateLimitOptions.SectionName)
            .AtLeast(nameof(options.PermitLimit), options.PermitLimit, 1)
            .AtLeast(nameof(options.WindowSeconds), options.WindowSeconds, 1)
            .Result;
}
