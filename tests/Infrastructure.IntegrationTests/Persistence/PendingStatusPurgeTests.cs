using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Statuses Twilio reported for SIDs that never became messages are deleted once older than the retention, by the
/// background service every instance runs, on a fake clock.
/// </summary>
public sealed class PendingStatusPurgeTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Two_instances_purging_together_delete_only_statuses_older_than_a_week_and_report_no_failure(CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        await using var first = Instance(clock);
        await using var second = Instance(clock);
        var old = await AddPendingAsync(first, Start - TimeSpan.FromDays(8));
        var recent = await AddPendingAsync(second, Start - TimeSpan.FromDays(6));
        var purges = new[] { Purge(first), Purge(second) };

        // Both instances' first rounds run at start: the status older than seven days goes, the other stays.
        await Task.WhenAll(purges.Select(p => p.StartAsync(cancellationToken)));
        await UntilStoredAsync(first, ids => !ids.Contains(old), cancellationToken);
        Assert.That(await StoredAsync(second, cancellationToken), Is.EqualTo(new[] { recent }));

        // A day and a round later the other one is more than seven days old too.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(DatabaseOptions.DefaultPendingStatusPurgeIntervalMinutes));
        await UntilStoredAsync(first, ids => ids.Count == 0, cancellationToken);

        await Task.WhenAll(purges.Select(p => p.StopAsync(cancellationToken)));
        var warnings = new[] { first, second }
            .SelectMany(instance => instance.GetFakeLogCollector().GetSnapshot())
            .Where(record => record.Level >= LogLevel.Warning)
            .Select(record => record.Message);
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_retention_is_configurable(CancellationToken cancellationToken)
    {
        await using var database = await TestDatabase.CreateAsync(
            Provider, new Dictionary<string, string?> { ["Database:PendingStatusRetentionDays"] = "1" });
        var clock = new FakeTimeProvider(Start);
        await using var instance = database.CreateInstance(services => services.AddSingleton<TimeProvider>(clock));
        var old = await AddPendingAsync(instance, Start - TimeSpan.FromHours(25));
        var recent = await AddPendingAsync(instance, Start - TimeSpan.FromHours(23));

        var purge = Purge(instance);
        await purge.StartAsync(cancellationToken);
        await UntilStoredAsync(instance, ids => !ids.Contains(old), cancellationToken);
        await purge.StopAsync(cancellationToken);

        Assert.That(await StoredAsync(instance, cancellationToken), Is.EqualTo(new[] { recent }));
    }

    private ServiceProvider Instance(FakeTimeProvider clock) =>
        Database.CreateInstance(services => services
            .AddSingleton<TimeProvider>(clock)
            .AddLogging(logging => logging.AddFakeLogging()));

    private static PeriodicPurgeService<PendingStatusPurge> Purge(IServiceProvider instance) =>
        instance.GetServices<IHostedService>().OfType<PeriodicPurgeService<PendingStatusPurge>>().Single();

    private static async Task<Guid> AddPendingAsync(IServiceProvider instance, DateTimeOffset receivedAt)
    {
        var update = PendingStatusUpdate.Create(TestMessages.NewSid(), MessageStatus.Delivered, null, null, receivedAt);
        await using var scope = instance.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPendingStatusUpdateRepository>().Add(update, CancellationToken.None);
        return update.Id;
    }

    private static async Task<List<Guid>> StoredAsync(IServiceProvider instance, CancellationToken cancellationToken)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().PendingStatusUpdates
            .Select(p => p.Id).ToListAsync(cancellationToken);
    }

    // What an operator querying the table would see, polled until it holds.
    private static async Task UntilStoredAsync(IServiceProvider instance, Func<List<Guid>, bool> condition, CancellationToken cancellationToken)
    {
        while (!condition(await StoredAsync(instance, cancellationToken)))
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
