namespace Messaging.Api.RateLimiting;

internal sealed class SendRateLimitOptionsValidator : IValidateOptions<SendRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, SendRateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.PermitLimit < 1)
        {
            failures.Add($"{SendRateLimitOptions.SectionName}:PermitLimit is {options.PermitLimit}; it must be at least 1.");
        }

        if (options.WindowSeconds < 1)
        {
            failures.Add($"{SendRateLimitOptions.SectionName}:WindowSeconds is {options.WindowSeconds}; it must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
