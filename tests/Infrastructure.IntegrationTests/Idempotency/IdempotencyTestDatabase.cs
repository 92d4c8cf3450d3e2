using Messaging.Infrastructure.Idempotency;

namespace Messaging.Infrastructure.IntegrationTests.Idempotency;

/// <summary>A migrated database of the test's own with the idempotency store registered as the application registers it, on a fake clock.</summary>
internal sealed class IdempotencyTestDatabase(TestDatabase database, FakeTimeProvider clock) : IAsyncDisposable
{
    public FakeTimeProvider Clock => clock;

    public static async Task<IdempotencyTestDatabase> CreateAsync(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var database = await TestDatabase.CreateAsync(
            provider,
            services: (services, configuration) => services.AddLogging().AddSingleton<TimeProvider>(clock).AddIdempotency(configuration));
        return new IdempotencyTestDatabase(database, clock);
    }

    public AsyncServiceScope CreateScope() => database.CreateScope();

    public async Task<int> CountRecords()
    {
        await using var scope = CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return context.Set<IdempotencyRecord>().Count();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
