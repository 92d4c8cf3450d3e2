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

        if (options.MaxWriteBatchSize is < 1 or > DatabaseOptions.MaxWriteBatchSizeLimit)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:MaxWriteBatchSize is {options.MaxWriteBatchSize}; it must be from 1 to {DatabaseOptions.MaxWriteBatchSizeLimit}.");
        }

        return ValidateOptionsResult.Success;
    }
}
