using Messaging.Infrastructure.Idempotency;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The persistence and idempotency services on a SQLite file of their own, with a <see cref="CountingRetryStrategy"/>
/// and a <see cref="FailingCommitInterceptor"/> added to the application's own context registration.
/// </summary>
internal sealed class RetryingApp : IAsyncDisposable
{
    private readonly EmptyDatabase _database;

    private RetryingApp(EmptyDatabase database, ServiceProvider services, CountingRetryStrategy.Counts counts, FailingCommitInterceptor commits)
    {
        _database = database;
        Services = services;
        Counts = counts;
        Commits = commits;
    }

    public ServiceProvider Services { get; }

    public CountingRetryStrategy.Counts Counts { get; }

    public FailingCommitInterceptor Commits { get; }

    public static async Task<RetryingApp> CreateAsync()
    {
        var database = await EmptyDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" })
            .Build();
        var counts = new CountingRetryStrategy.Counts();
        var commits = new FailingCommitInterceptor();
        var services = new ServiceCollection()
            .AddPersistence(configuration)
            .AddIdempotency(configuration)
            .ConfigureDbContext<SqliteMessagingDbContext>(options => options
                .UseSqlite(sqlite => sqlite.ExecutionStrategy(dependencies => new CountingRetryStrategy(dependencies, counts)))
                .AddInterceptors(commits))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.InitialiseDatabaseAsync();
        return new RetryingApp(database, services, counts, commits);
    }

    /// <summary>Runs <paramref name="use"/> with the services of a scope of its own, as a request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<int> CountAsync<T>()
        where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Set<T>().CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
