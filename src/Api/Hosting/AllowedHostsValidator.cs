using Microsoft.AspNetCore.HostFiltering;

namespace Messaging.Api.Hosting;

/// <summary>
/// In Production, refuses to start while <c>AllowedHosts</c> admits any Host header: whatever a client puts there can
/// otherwise end up in addresses the service writes (the Location of a created message, links in documents).
/// </summary>
internal sealed class AllowedHostsValidator(IHostEnvironment environment) : IValidateOptions<HostFilteringOptions>
{
    public ValidateOptionsResult Validate(string? name, HostFilteringOptions options)
    {
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Success;
        }

        var hosts = options.AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).ToList();
        return hosts.Count == 0 || hosts.Contains("*")
            ? ValidateOptionsResult.Fail(
                "AllowedHosts admits any host in Production. Set it to the host names clients use to reach the service, " +
                "separated by ';', e.g. AllowedHosts=support.example.com;messaging.internal")
            : ValidateOptionsResult.Success;
    }
}
