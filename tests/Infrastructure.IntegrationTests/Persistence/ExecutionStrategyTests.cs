using Messaging.Application.Common.Models;
using Messaging.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// On a database server every transaction of this service runs through EF Core's retrying execution strategy. No SQL
/// Server runs here: the configured strategy is read from the options, and the paths that open transactions run on
/// SQLite under a strategy that retries the same way and refuses, as theirs do, any transaction begun outside it.
/// </summary>
public sealed class ExecutionStrategyTests
{
    [TestCase(DatabaseOptions.SqlServer, "Server=db.invalid;Database=messaging;User ID=app;Password=unused;TrustServerCertificate=True", typeof(SqlServerRetryingExecutionStrategy))]
    [TestCase(DatabaseOptions.PostgreSql, "Host=db.invalid;Database=messaging;Username=app;Password=unused", typeof(NpgsqlRetryingExecutionStrategy))]
    public async Task Database_servers_retry_through_the_execution_strategy(string provider, string connectionString, Type expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connectionString,
            })
            .Build();
        await using var services = new ServiceCollection().AddPersistence(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var strategy = scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Database.CreateExecutionStrategy();

        Assert.Multiple(() =>
        {
            Assert.That(strategy, Is.InstanceOf(expected));
            Assert.That(strategy.RetriesOnFailure, Is.True);
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_commit_that_fails_transiently_is_run_again_whole_and_stores_the_unit_once(CancellationToken cancellationToken)
    {
        await using var app = await RetryingApp.CreateAsync();
        var message = TestMessages.Outbound(TestMessages.NewSid(), DateTimeOffset.UtcNow);
        app.Commits.FailNext(1);

        var result = await app.InScopeAsync(s => s.GetRequiredService<IMessageRepository>().AddIfAbsent(message, cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(result.Inserted, Is.True);
            Assert.That(app.Counts.Retries, Is.EqualTo(1));
            Assert.That(app.Commits.Commits, Is.EqualTo(2));
        });
        Assert.That(await app.CountAsync<Message>(), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Every_write_path_opens_its_transaction_inside_the_strategy(CancellationToken cancellationToken)
    {
        await using var app = await RetryingApp.CreateAsync();
        var sid = TestMessages.NewSid();
        var now = DateTimeOffset.UtcNow;

        // Each of these throws if it began a transaction the strategy could not run again; each fails its first commit,
        // so each is also run again whole.
        await Write(app, s => s.GetRequiredService<IPendingStatusUpdateRepository>()
            .Add(PendingStatusUpdate.Create(sid, MessageStatus.Delivered, null, null, now - TimeSpan.FromDays(30)), cancellationToken));
        await Write(app, s => s.GetRequiredService<IUnitOfWork>().Run(
            token => s.GetRequiredService<IMessageRepository>().AddIfAbsent(TestMessages.Outbound(sid, now), token), cancellationToken));
        await Write(app, s => s.GetRequiredService<IMessageRepository>().Update(
            sid, m => m.ApplyStatus(MessageStatus.Read, null, null, now), cancellationToken));
        var claim = await Write(app, s => s.GetRequiredService<IIdempotencyStore>().TryClaim("client", "key-1", "fingerprint", cancellationToken));
        await Write(app, s => s.GetRequiredService<IIdempotencyStore>().Complete(claim.ClaimId!.Value, new StoredResponse(201, null, null, "{}"), cancellationToken));
        await Write(app, s => new PendingStatusUpdateRepository(s.GetRequiredService<MessagingDbContext>(), s.GetRequiredService<DatabaseWriter>())
            .RemoveReceivedBefore(now, cancellationToken));
        await Write(app, s => s.GetRequiredService<IIdempotencyStore>().PurgeExpired(cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(app.Counts.Operations, Is.GreaterThanOrEqualTo(7));
            Assert.That(app.Counts.Retries, Is.EqualTo(7));
        });
        Assert.That(await app.CountAsync<Message>(), Is.EqualTo(1));
        Assert.That(await app.CountAsync<IdempotencyRecord>(), Is.EqualTo(1));
        Assert.That(await app.CountAsync<PendingStatusUpdate>(), Is.Zero);
    }

    private static async Task Write(RetryingApp app, Func<IServiceProvider, Task> write) =>
        await Write(app, async s =>
        {
            await write(s);
            return 0;
        });

    private static Task<T> Write<T>(RetryingApp app, Func<IServiceProvider, Task<T>> write)
    {
        app.Commits.FailNext(1);
        return app.InScopeAsync(write);
    }
}
