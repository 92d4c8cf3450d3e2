using System.Collections.Concurrent;
using System.Diagnostics;
using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The database writer on a real SQLite file and a real PostgreSQL database. Each test holds the writer busy with a unit that waits on a gate, queues
/// what it wants in one batch behind it, then opens the gate: what was queued is then committed together, in one
/// transaction, whatever the timing.
/// </summary>
public sealed class DatabaseWriterTests(string provider) : DatabaseFixture(provider)
{
    private const string BlockerSid = "SM00000000000000000000000000blocker";

    private AsyncServiceScope _scope;
    private DatabaseWriter _writer = null!;
    private IMessageRepository _repository = null!;
    private TaskCompletionSource? _blockerGate;

    [SetUp]
    public void OpenScope()
    {
        _scope = Database.CreateScope();
        _writer = _scope.ServiceProvider.GetRequiredService<DatabaseWriter>();
        _repository = _scope.ServiceProvider.GetRequiredService<IMessageRepository>();
    }

    [TearDown]
    public async Task TearDown()
    {
        // A test that failed half-way must not leave the writer held, or stopping it would wait for ever.
        _blockerGate?.TrySetResult();
        // The container would stop it too; stopping it first is harmless and says who owns it here.
        await _writer.DisposeAsync();
        await _scope.DisposeAsync();
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Units_queued_while_a_batch_runs_are_committed_together_in_the_next_one(CancellationToken cancellationToken)
    {
        const int units = 40;
        var before = _writer.Statistics;
        var blocker = await BlockWriterAsync(cancellationToken);

        var adds = Enumerable.Range(0, units).Select(_ => Add(NewMessage(), cancellationToken)).ToList();
        await UntilQueuedAsync(units, cancellationToken);
        blocker.Release();
        var results = await Task.WhenAll(adds);
        await blocker.Done;

        var after = _writer.Statistics;
        Assert.Multiple(async () =>
        {
            Assert.That(results.All(r => r.Inserted), Is.True);
            Assert.That(after.Batches - before.Batches, Is.EqualTo(2), "the blocking unit's batch, then one for all the others");
            Assert.That(after.LargestBatch, Is.EqualTo(units));
            Assert.That(await StoredCountAsync(), Is.EqualTo(units + 1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Concurrent_requests_share_commits(CancellationToken cancellationToken)
    {
        const int callers = 64;
        var before = _writer.Statistics;
        var scopes = Enumerable.Range(0, callers).Select(_ => Database.CreateScope()).ToList();
        try
        {
            var blocker = await BlockWriterAsync(cancellationToken);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = scopes.Select(scope => Task.Run(
                async () =>
                {
                    await start.Task;
                    return await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(NewMessage(), cancellationToken);
                },
                cancellationToken)).ToList();
            start.SetResult();
            await UntilQueuedAsync(callers, cancellationToken);
            blocker.Release();
            await Task.WhenAll(calls);
            await blocker.Done;
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        var after = _writer.Statistics;
        Assert.That(after.Units - before.Units, Is.EqualTo(callers + 1));
        Assert.That(after.Batches - before.Batches, Is.LessThan(callers / 2), "each commit carried many requests' rows");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_batch_never_carries_more_units_than_the_configured_size(CancellationToken cancellationToken)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, new Dictionary<string, string?> { ["Database:MaxWriteBatchSize"] = "10" });
        await using var scope = database.CreateScope();
        var writer = scope.ServiceProvider.GetRequiredService<DatabaseWriter>();
        var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = Task.Run(
            () => writer.Execute(
                async token =>
                {
                    running.SetResult();
                    await release.Task;
                    return await repository.AddIfAbsent(NewMessage(), token);
                },
                CancellationToken.None),
            cancellationToken);
        await running.Task.WaitAsync(cancellationToken);

        var adds = Enumerable.Range(0, 25)
            .Select(_ => writer.Execute(token => repository.AddIfAbsent(NewMessage(), token), cancellationToken))
            .ToList();
        while (writer.QueuedUnits < 25)
        {
            await Task.Delay(5, cancellationToken);
        }

        release.SetResult();
        await Task.WhenAll(adds);
        await blocker;

        Assert.That(writer.Statistics, Is.EqualTo(new DatabaseWriterStatistics(Batches: 4, Units: 26, LargestBatch: 10, Retries: 0, Isolated: 0)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_failing_unit_fails_alone_and_the_rest_of_its_batch_is_committed(CancellationToken cancellationToken)
    {
        var first = NewMessage();
        var failing = NewMessage();
        var last = NewMessage();
        var before = _writer.Statistics;
        var blocker = await BlockWriterAsync(cancellationToken);

        var firstAdd = Add(first, cancellationToken);
        var failingAdd = _writer.Execute<AddIfAbsentResult>(
            async token =>
            {
                await _repository.AddIfAbsent(failing, token);
                throw new InvalidOperationException("A rule the unit broke after writing.");
            },
            cancellationToken);
        var duplicateAdd = Add(Copy(first), cancellationToken);
        var lastAdd = Add(last, cancellationToken);
        await UntilQueuedAsync(4, cancellationToken);
        blocker.Release();
        await blocker.Done;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failingAdd);
        var duplicate = await duplicateAdd;
        Assert.Multiple(async () =>
        {
            Assert.That(failure!.Message, Is.EqualTo("A rule the unit broke after writing."));
            Assert.That((await firstAdd).Inserted, Is.True);
            Assert.That((await lastAdd).Inserted, Is.True);
            Assert.That(duplicate.Inserted, Is.False, "the same SID earlier in the same batch is found, not inserted again");
            Assert.That(duplicate.Message.Id, Is.EqualTo(first.Id));
            Assert.That(await StoredSidsAsync(), Is.EquivalentTo(new[] { first.WaSid, last.WaSid, BlockerSid }));
            Assert.That(_writer.Statistics.Batches - before.Batches, Is.EqualTo(2), "the failure did not split the batch");
            Assert.That(_writer.Statistics.Isolated, Is.EqualTo(before.Isolated));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_caller_is_answered_only_after_the_commit_that_holds_its_row(CancellationToken cancellationToken)
    {
        var early = NewMessage();
        var late = NewMessage();
        var lateStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = await BlockWriterAsync(cancellationToken);

        var earlyAdd = Add(early, cancellationToken);
        var lateAdd = _writer.Execute(
            async token =>
            {
                var result = await _repository.AddIfAbsent(late, token);
                lateStarted.SetResult();
                await lateMayFinish.Task;
                return result;
            },
            cancellationToken);
        await UntilQueuedAsync(2, cancellationToken);
        blocker.Release();
        await lateStarted.Task.WaitAsync(cancellationToken);

        // The early unit has run, but the transaction holding its row has not committed: no answer, no visible row.
        var answeredBeforeCommit = earlyAdd.IsCompleted;
        var visibleBeforeCommit = await StoredSidsAsync();
        lateMayFinish.SetResult();
        await Task.WhenAll(earlyAdd, lateAdd);
        await blocker.Done;

        Assert.Multiple(async () =>
        {
            Assert.That(answeredBeforeCommit, Is.False);
            Assert.That(visibleBeforeCommit, Does.Not.Contain(early.WaSid));
            Assert.That(await StoredSidsAsync(), Is.SupersetOf(new[] { early.WaSid, late.WaSid }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_caller_that_gives_up_while_queued_withdraws_only_its_own_unit(CancellationToken cancellationToken)
    {
        var kept = NewMessage();
        var withdrawn = NewMessage();
        var alsoKept = NewMessage();
        var withdrawnRan = false;
        using var giveUp = new CancellationTokenSource();
        var blocker = await BlockWriterAsync(cancellationToken);

        var keptAdd = Add(kept, cancellationToken);
        var withdrawnAdd = _writer.Execute(
            token =>
            {
                withdrawnRan = true;
                return _repository.AddIfAbsent(withdrawn, token);
            },
            giveUp.Token);
        var alsoKeptAdd = Add(alsoKept, cancellationToken);
        await UntilQueuedAsync(3, cancellationToken);
        await giveUp.CancelAsync();
        blocker.Release();
        await blocker.Done;

        await Assert.CatchAsync<OperationCanceledException>(() => withdrawnAdd);
        Assert.Multiple(async () =>
        {
            Assert.That(withdrawnRan, Is.False);
            Assert.That((await keptAdd).Inserted, Is.True);
            Assert.That((await alsoKeptAdd).Inserted, Is.True);
            Assert.That(await StoredSidsAsync(), Is.EquivalentTo(new[] { kept.WaSid, alsoKept.WaSid, BlockerSid }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_caller_that_gives_up_once_its_unit_runs_still_gets_it_committed(CancellationToken cancellationToken)
    {
        var message = NewMessage();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var giveUp = new CancellationTokenSource();

        var add = Task.Run(
            () => _writer.Execute(
                async token =>
                {
                    started.SetResult();
                    await mayFinish.Task;
                    Assert.That(token.CanBeCanceled, Is.False, "a started unit is not cancelable");
                    return await _repository.AddIfAbsent(message, token);
                },
                giveUp.Token),
            cancellationToken);
        await started.Task.WaitAsync(cancellationToken);
        await giveUp.CancelAsync();
        mayFinish.SetResult();

        Assert.That((await add).Inserted, Is.True);
        Assert.That(await StoredSidsAsync(), Does.Contain(message.WaSid));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_transaction_broken_by_one_unit_is_split_and_only_that_unit_fails(CancellationToken cancellationToken)
    {
        var first = NewMessage();
        var last = NewMessage();
        var before = _writer.Statistics;
        var blocker = await BlockWriterAsync(cancellationToken);

        var firstAdd = Add(first, cancellationToken);
        var breaking = _writer.Execute(
            token => WriteSession.Current!.Context.Database.ExecuteSqlRawAsync("ROLLBACK", token),
            cancellationToken);
        var lastAdd = Add(last, cancellationToken);
        await UntilQueuedAsync(3, cancellationToken);
        blocker.Release();
        await blocker.Done;

        await Assert.CatchAsync<Exception>(() => breaking);
        Assert.Multiple(async () =>
        {
            Assert.That((await firstAdd).Inserted, Is.True);
            Assert.That((await lastAdd).Inserted, Is.True);
            Assert.That(await StoredSidsAsync(), Is.EquivalentTo(new[] { first.WaSid, last.WaSid, BlockerSid }));
            Assert.That(_writer.Statistics.Isolated - before.Isolated, Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Stopping_the_writer_commits_what_is_queued_and_refuses_new_work(CancellationToken cancellationToken)
    {
        const int units = 10;
        var blocker = await BlockWriterAsync(cancellationToken);
        var adds = Enumerable.Range(0, units).Select(_ => Add(NewMessage(), cancellationToken)).ToList();
        await UntilQueuedAsync(units, cancellationToken);

        var stopping = _writer.DisposeAsync().AsTask();
        blocker.Release();
        await stopping;

        var results = await Task.WhenAll(adds);
        Assert.That(results.All(r => r.Inserted), Is.True);
        Assert.That(await StoredCountAsync(), Is.EqualTo(units + 1));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Add(NewMessage(), cancellationToken));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_commit_is_traced_in_the_request_it_carries_even_behind_a_background_unit(CancellationToken cancellationToken)
    {
        var commits = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessagingTelemetry.Source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName == "database commit")
                {
                    commits.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var blocker = await BlockWriterAsync(cancellationToken);

        // A background loop's unit (no trace around it) queued first, then a request's.
        var background = Add(NewMessage(), cancellationToken);
        Task<AddIfAbsentResult> fromRequest;
        ActivityContext request;
        using (var span = MessagingTelemetry.Source.StartActivity("POST api/messages", ActivityKind.Server)!)
        {
            request = span.Context;
            fromRequest = Add(NewMessage(), cancellationToken);
        }

        await UntilQueuedAsync(2, cancellationToken);
        blocker.Release();
        await Task.WhenAll(background, fromRequest);
        await blocker.Done;

        var inRequest = commits.Where(c => c.TraceId == request.TraceId).ToList();
        Assert.That(inRequest, Has.Count.EqualTo(1), "the request's commit is not in its trace");
        Assert.Multiple(() =>
        {
            Assert.That(inRequest[0].ParentSpanId, Is.EqualTo(request.SpanId));
            Assert.That(inRequest[0].GetTagItem("messaging.db.write_batch.size"), Is.EqualTo(2));
            Assert.That(inRequest[0].Links, Is.Empty);
        });
    }

    private Task<AddIfAbsentResult> Add(Message message, CancellationToken cancellationToken) =>
        _writer.Execute(token => _repository.AddIfAbsent(message, token), cancellationToken);

    private Message NewMessage() => TestMessages.Outbound(TestMessages.NewSid(), Clock.GetUtcNow());

    private Message Copy(Message message) => TestMessages.Outbound(message.WaSid!, Clock.GetUtcNow(), body: "a second delivery");

    /// <summary>Starts a unit that holds the writer until released, and waits until it runs.</summary>
    private async Task<WriterBlocker> BlockWriterAsync(CancellationToken cancellationToken)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _blockerGate = release;
        var blocker = TestMessages.Outbound(BlockerSid, Clock.GetUtcNow());
        var done = Task.Run(
            () => _writer.Execute(
                async token =>
                {
                    running.SetResult();
                    await release.Task;
                    return await _repository.AddIfAbsent(blocker, token);
                },
                CancellationToken.None),
            cancellationToken);
        await running.Task.WaitAsync(cancellationToken);
        return new WriterBlocker(release, done);
    }

    private async Task UntilQueuedAsync(int units, CancellationToken cancellationToken)
    {
        while (_writer.QueuedUnits < units)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    private async Task<int> StoredCountAsync() => (await StoredSidsAsync()).Count;

    // Through a context and connection of their own, outside the writer.
    private async Task<List<string?>> StoredSidsAsync()
    {
        await using var scope = Database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Messages.Select(m => m.WaSid).ToListAsync();
    }
}
