using Messaging.Infrastructure.Idempotency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Idempotency;

/// <summary>A migrated database of the test's own with the idempotency store registered as the application registers it, on a fake clock.</summary>
internal sealed class IdempotencyTestDatabase : IAsyncDisposable
{
    private readonly EmptyDatabase _database;
    private readonly ServiceProvider _services;

    private IdempotencyTestDatabase(EmptyDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static async Task<IdempotencyTestDatabase> CreateAsync(string provider)
    {
        var database = await EmptyDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" })
            .Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddPersistence(configuration)
            .AddIdempotency(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.InitialiseDatabaseAsync();
        return new IdempotencyTestDatabase(database, services, clock);
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public async Task<int> CountRecords()
    {
        await using var scope = CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return context.Set<IdempotencyRecord>().Count();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
