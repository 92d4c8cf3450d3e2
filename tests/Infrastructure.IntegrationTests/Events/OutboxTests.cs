using System.Collections.Concurrent;
using Messaging.Application.Events;
using Messaging.Infrastructure.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace Messaging.Infrastructure.IntegrationTests.Events;

/// <summary>
/// The outbox on each database: events commit with their unit or not at all, and positions become visible in
/// increasing order with no gap, also when two instances write at once, so a tail reading "after p" misses nothing.
/// </summary>
public sealed class OutboxTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Events_of_a_unit_commit_with_it_in_order_at_consecutive_positions()
    {
        await using var instance = Instance();
        await Run(instance, outbox =>
        {
            outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n = 1 });
            outbox.Add(EventTypes.ConversationUpdated, "whatsapp:+14155550123", new { n = 2 });
        });
        await Run(instance, outbox => outbox.Add(EventTypes.MessageSent, "whatsapp:+14155550124", new { n = 3 }));

        var events = await Read(instance, after: 0);
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Position), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.MessageReceived, EventTypes.ConversationUpdated, EventTypes.MessageSent }));
            Assert.That(events.Select(e => e.Data), Is.EqualTo(new[] { """{"n":1}""", """{"n":2}""", """{"n":3}""" }));
            Assert.That(events.Select(e => e.Id), Is.Unique);
            Assert.That(events[2].ConversationKey, Is.EqualTo("whatsapp:+14155550124"));
        });
        await using var scope = instance.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<IEventLog>().Head(CancellationToken.None), Is.EqualTo(3));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Units_that_fail_in_a_shared_transaction_leave_no_events_and_no_gap(CancellationToken cancellationToken)
    {
        await using var instance = Instance();
        const int units = 40;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, units).Select(async n =>
        {
            try
            {
                await Run(instance, outbox =>
                {
                    outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n });
                    if (n % 5 == 0)
                    {
                        throw new InvalidOperationException("this unit fails after recording its event");
                    }
                });
                return n;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        var committed = outcomes.Where(n => n >= 0).ToList();
        var events = await Read(instance, after: 0);
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, committed.Count).Select(p => (long)p)));
            Assert.That(events.Select(e => e.Data), Is.EquivalentTo(committed.Select(n => $$"""{"n":{{n}}}""")));
        });
    }

    [Test]
    public async Task An_event_recorded_in_a_nested_part_that_failed_is_dropped_with_it()
    {
        await using var instance = Instance();
        await using (var scope = instance.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
            await unitOfWork.Run<bool>(
                async token =>
                {
                    outbox.Add(EventTypes.MessageSent, "whatsapp:+14155550123", new { kept = true });
                    try
                    {
                        await unitOfWork.Run<bool>(
                            _ =>
                            {
                                outbox.Add(EventTypes.MessageStatusChanged, "whatsapp:+14155550123", new { kept = false });
                                throw new InvalidOperationException("the nested part fails");
                            },
                            token);
                    }
                    catch (InvalidOperationException)
                    {
                        // The outer unit goes on.
                    }

                    return true;
                },
                CancellationToken.None);
        }

        var events = await Read(instance, after: 0);
        Assert.That(events.Select(e => (e.Position, e.Data)), Is.EqualTo(new[] { (1L, """{"kept":true}""") }));
    }

    [Test]
    public void An_event_outside_a_unit_of_work_is_refused()
    {
        using var instance = Instance();
        var outbox = instance.GetRequiredService<IEventOutbox>();

        Assert.That(
            () => outbox.Add(EventTypes.MessageSent, "whatsapp:+14155550123", new { }),
            Throws.InvalidOperationException.With.Message.Contains("inside a unit of work"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Two_instances_writing_at_once_give_positions_a_tail_reads_in_order_without_a_gap(CancellationToken cancellationToken)
    {
        const int perInstance = 150;
        await using var first = Instance();
        await using var second = Instance();
        await using var tailInstance = Instance();

        // A tail reads as the feed does, "after the last position read", all the while the instances write.
        var read = new List<StoredEvent>();
        var gaps = new ConcurrentBag<string>();
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tail = Task.Run(
            async () =>
            {
                while (read.Count < perInstance * 2)
                {
                    var page = await Read(tailInstance, read.Count == 0 ? 0 : read[^1].Position);
                    if (page.Count > 0 && page[0].Position != (read.Count == 0 ? 1 : read[^1].Position + 1))
                    {
                        gaps.Add($"after {(read.Count == 0 ? 0 : read[^1].Position)} the tail read {page[0].Position}");
                    }

                    read.AddRange(page);
                    writing.Token.ThrowIfCancellationRequested();
                }
            },
            cancellationToken);

        await Task.WhenAll(Enumerable.Range(0, perInstance * 2).Select(n => Run(
            n % 2 == 0 ? first : second,
            outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n }))));
        await tail.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(gaps, Is.Empty, "a position became visible after a higher one had been read");
            Assert.That(read.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, perInstance * 2).Select(p => (long)p)));
            Assert.That(read.Select(e => e.Data), Is.EquivalentTo(Enumerable.Range(0, perInstance * 2).Select(n => $$"""{"n":{{n}}}""")));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_feed_takes_its_own_commits_from_the_writer_and_reads_other_instances_events_that_lie_between(CancellationToken cancellationToken)
    {
        await using var first = Instance();
        await using var second = Instance();

        // A poll interval far beyond the test: only the commits of the feed's own instance can make it read.
        using var feed = new EventFeed(
            first.GetRequiredService<IServiceScopeFactory>(),
            first.GetRequiredService<OutboxSignal>(),
            Options.Create(new OutboxOptions { PollIntervalMilliseconds = OutboxOptionsValidator.MaxPollIntervalMilliseconds }),
            TimeProvider.System,
            NullLogger<EventFeed>.Instance);
        await feed.StartAsync(cancellationToken);

        await Run(first, outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n = 1 }));
        var own = await feed.ReadAfter(0, 10, cancellationToken);
        await Run(second, outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550124", new { n = 2 }));
        await Run(first, outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n = 3 }));
        var after = new List<StoredEvent>();
        while (after.Count < 2)
        {
            after.AddRange((await feed.ReadAfter(after.Count == 0 ? 1 : after[^1].Position, 10, cancellationToken)).Events);
        }

        await feed.StopAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(own.Gap, Is.False);
            Assert.That(own.Events.Select(e => e.Data), Is.EqualTo(new[] { """{"n":1}""" }));
            Assert.That(after.Select(e => (e.Position, e.Data)), Is.EqualTo(new[] { (2L, """{"n":2}"""), (3L, """{"n":3}""") }));
        });
    }

    [Test]
    public async Task The_purge_deletes_events_by_age_and_positions_go_on_from_the_head()
    {
        await using var instance = Instance();
        await Run(instance, outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n = 1 }));
        Clock.Advance(TimeSpan.FromDays(8));
        await Run(instance, outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n = 2 }));

        await using (var scope = instance.CreateAsyncScope())
        {
            var purged = await EventPurge.RemoveOccurredBefore(
                scope.ServiceProvider.GetRequiredService<MessagingDbContext>(),
                instance.GetRequiredService<DatabaseWriter>(),
                Clock.GetUtcNow() - TimeSpan.FromDays(7),
                CancellationToken.None);
            Assert.That(purged, Is.EqualTo(1));
        }

        await Run(instance, outbox => outbox.Add(EventTypes.MessageReceived, "whatsapp:+14155550123", new { n = 3 }));
        Assert.That((await Read(instance, after: 0)).Select(e => e.Position), Is.EqualTo(new long[] { 2, 3 }));
    }

    private ServiceProvider Instance() => Database.CreateInstance(services => services
        .AddSingleton<TimeProvider>(Clock)
        .AddSingleton<IEventOutbox, EventOutbox>()
        .AddScoped<IEventLog, EventLog>());

    private static async Task Run(ServiceProvider instance, Action<IEventOutbox> record)
    {
        await using var scope = instance.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().Run(
            _ =>
            {
                record(outbox);
                return Task.FromResult(true);
            },
            CancellationToken.None);
    }

    private static async Task<IReadOnlyList<StoredEvent>> Read(ServiceProvider instance, long after)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventLog>().ReadAfter(after, 1000, CancellationToken.None);
    }
}
