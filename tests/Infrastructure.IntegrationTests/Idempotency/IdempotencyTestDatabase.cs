using Messaging.Infrastructure.Idempotency;
using Messaging.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Idempotency;

/// <summary>A migrated SQLite file with the idempotency store registered as the application registers it, on a fake clock.</summary>
internal sealed class IdempotencyTestDatabase : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _services;

    private IdempotencyTestDatabase(string directory, ServiceProvider services, FakeTimeProvider clock)
    {
        _directory = directory;
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public static async Task<IdempotencyTestDatabase> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("messaging-idempotency-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "messaging.db")}",
            })
            .Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddPersistence(configuration)
            .AddIdempotency(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.InitialiseDatabaseAsync();
        return new IdempotencyTestDatabase(directory, services, clock);
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
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
