using Messaging.Application.Common.Configuration;
using Messaging.Application.Common.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Infrastructure.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    // On a database server a connection can drop, a fail-over can refuse connections for a while, and the server can
    // shed load: EF Core's retrying execution strategy runs the whole operation again. A caller waits for its write, so
    // the retries are few and short; conflicts between writers are retried sooner by the writer itself (decision 16).
    internal const int MaxRetries = 3;
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>().Bind(configuration.GetSection(DatabaseOptions.SectionName));

        // Every provider's context is registered and the provider is chosen when one is resolved, so an invalid
        // configuration surfaces as the validator's message rather than as a half-built container. Pooled: a request
        // reuses a context whose services and options are already built, instead of building them again.
        services.AddDbContextPool<SqliteMessagingDbContext>((provider, builder) =>
            builder.UseSqlite(SqliteConnectionString(Options(provider))).ConfigureWarnings(QuietExpectedFailures));
        services.AddDbContextPool<SqlServerMessagingDbContext>((provider, builder) =>
            builder.UseSqlServer(Options(provider).ConnectionString, sql => sql.EnableRetryOnFailure(MaxRetries, MaxRetryDelay, null))
                .ConfigureWarnings(QuietExpectedFailures));
        services.AddDbContextPool<PostgreSqlMessagingDbContext>((provider, builder) =>
            builder.UseNpgsql(Options(provider).ConnectionString, npgsql => npgsql.EnableRetryOnFailure(MaxRetries, MaxRetryDelay, null))
                .ConfigureWarnings(QuietExpectedFailures));
        services.AddScoped<MessagingDbContext>(provider => Options(provider) switch
        {
            { IsSqlServer: true } => provider.GetRequiredService<SqlServerMessagingDbContext>(),
            { IsPostgreSql: true } => provider.GetRequiredService<PostgreSqlMessagingDbContext>(),
            _ => provider.GetRequiredService<SqliteMessagingDbContext>(),
        });

        // Every write of this process goes through the one writer, which commits the units that arrive together at once.
        services.AddLogging();
        services.AddMessagingTelemetry();
        services.TryAddSingleton<Events.OutboxSignal>();
        services.TryAddSingleton<DatabaseWriter>();
        services.AddScoped<IUnitOfWork, QueuedUnitOfWork>();

        services.AddScoped<IMessageRepository, MessageRepository>();
        services.AddScoped<IConversationRepository, ConversationRepository>();
        services.AddScoped<IPendingStatusUpdateRepository, PendingStatusUpdateRepository>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddPurge<PendingStatusPurge>();
        return services;
    }

    internal static string SqliteConnectionString(DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? string.Empty);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = Path.Combine(AppContext.BaseDirectory, "messaging.db");
        }

        return builder.ToString();
    }

    // A duplicate SID or idempotency key is how races are decided here: the unique index refuses the insert and the
    // caller takes the stored row. EF Core would log each refusal as an error with a stack trace; failures that are
    // not expected reach the application, which logs them as errors itself.
    private static void QuietExpectedFailures(WarningsConfigurationBuilder warnings) =>
        warnings.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug));

    private static DatabaseOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
