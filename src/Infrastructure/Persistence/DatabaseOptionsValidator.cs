using Microsoft.Extensions.Options;

namespace Messaging.Infrastructure.Persistence;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!options.IsSqlite && !options.IsSqlServer)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:Provider is '{options.Provider}'; it must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.SqlServer}'.");
        }

        if (options.IsSqlServer && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:ConnectionString is required when {DatabaseOptions.SectionName}:Provider is '{DatabaseOptions.SqlServer}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
