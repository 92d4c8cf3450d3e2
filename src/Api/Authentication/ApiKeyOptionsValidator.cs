using System.Globalization;
using Messaging.Api.Authorization;

namespace Messaging.Api.Authentication;

/// <summary>Refuses to start with a malformed key, and, outside Development, with no key at all.</summary>
internal sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        if (options.ApiKeys.Count == 0 && !environment.IsDevelopment())
        {
            failures.Add(
                $"No API keys are configured. Add at least one under {ApiKeyOptions.SectionName}:ApiKeys with a Name, the " +
                "Sha256 of the key and its Scopes; 'generate-api-key <name>' on the command line prints a new key and its entry.");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"{ApiKeyOptions.SectionName}:ApiKeys:{i}");
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > ApiKeyOptions.MaxNameLength)
            {
                failures.Add($"{path}:Name must be 1 to {ApiKeyOptions.MaxNameLength} characters.");
            }

            if (!ApiKeyHash.TryParseHex(entry.Sha256, out _))
            {
                failures.Add($"{path}:Sha256 must be the SHA-256 of the key as 64 hexadecimal characters.");
            }

            if (entry.Scopes.Count == 0 || entry.Scopes.Any(s => !ApiScopes.All.Contains(s)))
            {
                failures.Add($"{path}:Scopes must list one or more of: {string.Join(", ", ApiScopes.All)}.");
            }
        }

        failures.AddRange(options.ApiKeys
            .GroupBy(k => k.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{ApiKeyOptions.SectionName}:ApiKeys has more than one key named '{g.Key}'."));
        failures.AddRange(options.ApiKeys
            .GroupBy(k => k.Sha256.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{ApiKeyOptions.SectionName}:ApiKeys has the same Sha256 for {string.Join(", ", g.Select(k => k.Name))}."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
