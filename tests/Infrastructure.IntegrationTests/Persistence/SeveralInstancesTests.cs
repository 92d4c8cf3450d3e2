using Messaging.Application.Messages.PendingStatuses;
using Messaging.Infrastructure.Idempotency;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Two instances of the service on one database, each with its own container and database writer, as two processes
/// would be. Each writer only serialises its own process's writes: between the instances the database decides.
/// </summary>
public sealed class SeveralInstancesTests(string provider) : DatabaseFixture(provider)
{
    private ServiceProvider _first = null!;
    private ServiceProvider _second = null!;

    [SetUp]
    public void StartInstances()
    {
        _first = Database.CreateInstance();
        _second = Database.CreateInstance();
    }

    [TearDown]
    public async Task StopInstances()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Inserts_of_one_sid_on_two_instances_leave_one_row_and_agree_on_it(CancellationToken cancellationToken)
    {
        const int callersPerInstance = 16;
        var sid = TestMessages.NewSid();
        var results = await RacingInserts.OfOneSidAsync(
            Enumerable.Range(0, callersPerInstance * 2).Select(i => (i % 2 == 0 ? _first : _second).CreateAsyncScope()).ToList(),
            sid,
            Clock.GetUtcNow(),
            cancellationToken);

        var winner = results.Single(r => r.Inserted).Message;
        Assert.That(results.Select(r => r.Message.Id).Distinct(), Is.EqualTo(new[] { winner.Id }));
        Assert.That(await QueryAsync(db => db.Messages.CountAsync(m => m.WaSid == sid, cancellationToken)), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Claims_of_one_idempotency_key_on_two_instances_are_won_by_exactly_one(CancellationToken cancellationToken)
    {
        const int callersPerInstance = 16;
        var configuration = new ConfigurationBuilder().Build();
        await using var first = Database.CreateInstance(services => services.AddIdempotency(configuration));
        await using var second = Database.CreateInstance(services => services.AddIdempotency(configuration));
        var claims = await Race.InScopesAsync(
            Enumerable.Range(0, callersPerInstance * 2).Select(i => (i % 2 == 0 ? first : second).CreateAsyncScope()).ToList(),
            (services, _) => services.GetRequiredService<IIdempotencyStore>().TryClaim("dashboard", "order-1", new string('a', 64), cancellationToken),
            cancellationToken);
        var outcomes = claims.Select(c => c.Outcome).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o == IdempotencyClaimOutcome.Claimed), Is.EqualTo(1));
            Assert.That(outcomes.Count(o => o == IdempotencyClaimOutcome.InFlight), Is.EqualTo(callersPerInstance * 2 - 1));
        });
        Assert.That(await QueryAsync(db => db.Set<IdempotencyRecord>().CountAsync(cancellationToken)), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_status_called_back_to_one_instance_while_another_saves_the_message_is_always_applied(CancellationToken cancellationToken)
    {
        const int rounds = 20;
        for (var round = 0; round < rounds; round++)
        {
            var sid = TestMessages.NewSid();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var save = Task.Run(
                async () =>
                {
                    await gate.Task;
                    return await SaveAsync(_first, TestMessages.Outbound(sid, Clock.GetUtcNow()));
                },
                cancellationToken);
            var callback = Task.Run(
                async () =>
                {
                    await gate.Task;
                    await CallBackAsync(_second, sid, MessageStatus.Read);
                },
                cancellationToken);

            gate.SetResult();
            await Task.WhenAll(save, callback);

            var status = await QueryAsync(db => db.Messages.Where(m => m.WaSid == sid).Select(m => m.Status).SingleAsync(cancellationToken));
            Assert.That(status, Is.EqualTo(MessageStatus.Read), $"round {round}");
        }

        Assert.That(await QueryAsync(db => db.PendingStatusUpdates.CountAsync(cancellationToken)), Is.Zero);
    }

    // What a send does once Twilio has answered: store the message and, in the same unit, apply statuses that beat it.
    private static async Task<Message> SaveAsync(IServiceProvider instance, Message message)
    {
        await using var scope = instance.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var messages = services.GetRequiredService<IMessageRepository>();
        var reconciler = Reconciler(services);
        return await services.GetRequiredService<IUnitOfWork>().Run(
            async token =>
            {
                var stored = await messages.AddIfAbsent(message, token);
                return stored.Inserted ? await reconciler.ApplyPending(message.WaSid!, token) ?? stored.Message : stored.Message;
            },
            CancellationToken.None);
    }

    // What a status callback does: update the message, or keep the status and look for the message again.
    private async Task CallBackAsync(IServiceProvider instance, string sid, MessageStatus status)
    {
        await using var scope = instance.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var messages = services.GetRequiredService<IMessageRepository>();
        var pending = services.GetRequiredService<IPendingStatusUpdateRepository>();
        var reconciler = Reconciler(services);
        var now = Clock.GetUtcNow();
        await services.GetRequiredService<IUnitOfWork>().Run(
            async token =>
            {
                if (await messages.Update(sid, m => m.ApplyStatus(status, null, null, now), token) is { } updated)
                {
                    return updated;
                }

                await pending.Add(PendingStatusUpdate.Create(sid, status, null, null, now), token);
                return await reconciler.ApplyPending(sid, token);
            },
            CancellationToken.None);
    }

    private static PendingStatusReconciler Reconciler(IServiceProvider services) => new(
        services.GetRequiredService<IMessageRepository>(),
        services.GetRequiredService<IPendingStatusUpdateRepository>(),
        TimeProvider.System);

    private async Task<T> QueryAsync<T>(Func<MessagingDbContext, Task<T>> query)
    {
        await using var scope = Database.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MessagingDbContext>());
    }
}
