using Messaging.Application.Common.Configuration;
using Npgsql;

namespace Messaging.Infrastructure.Persistence;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!options.IsSqlite && !options.IsSqlServer && !options.IsPostgreSql)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:Provider is '{options.Provider}'; it must be '{DatabaseOptions.Sqlite}', '{DatabaseOptions.SqlServer}' or '{DatabaseOptions.PostgreSql}'.");
        }

        if (!options.IsSqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:ConnectionString is required when {DatabaseOptions.SectionName}:Provider is '{options.Provider}'.");
        }

        if (options.IsPostgreSql && InvalidPostgreSqlConnectionString(options.ConnectionString!) is { } problem)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:ConnectionString is not a PostgreSQL connection string: {problem}");
        }

        return new SettingChecks(DatabaseOptions.SectionName)
            .Within(nameof(options.MaxWriteBatchSize), options.MaxWriteBatchSize, 1, DatabaseOptions.MaxWriteBatchSizeLimit)
            .AtLeast(nameof(options.PendingStatusRetentionDays), options.PendingStatusRetentionDays, 1)
            .AtLeast(nameof(options.PendingStatusPurgeIntervalMinutes), options.PendingStatusPurgeIntervalMinutes, 1)
            .Result;
    }

    // Parsed here, so that a typo fails at start with the key's name rather than at the first request.
    private static string? InvalidPostgreSqlConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }
}
