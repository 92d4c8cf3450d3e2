using Messaging.Application.Messages.Commands.ReceiveInboundMessage;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.Commands.UpdateMessageStatus;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>Inbound messages and status callbacks through the real commands, repositories and database.</summary>
public sealed class WebhookPersistenceTests(string provider) : MessagingOnDatabaseFixture(provider)
{
    private const string Customer = "whatsapp:+14155550123";

    [Test]
    [CancelAfter(30_000)]
    public async Task The_same_inbound_message_delivered_ten_times_concurrently_leaves_one_row()
    {
        var sid = TestMessages.NewSid();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await App.Send(new ReceiveInboundMessageCommand(
                sid, Customer, MessagingOnDatabase.Sender, "Where is my order?", [new InboundMedia("https://api.twilio.com/m/ME1", "image/jpeg")], "Ana"));
        })).ToList();

        gate.SetResult();
        var results = await Task.WhenAll(deliveries);

        var rows = await App.Query(db => db.Messages.AsNoTracking().Where(m => m.WaSid == sid).ToListAsync());
        var row = rows.Single();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Id).Distinct(), Is.EqualTo(new[] { row.Id }));
            Assert.That(row.Status, Is.EqualTo(MessageStatus.Received));
            Assert.That(row.ProfileName, Is.EqualTo("Ana"));
            Assert.That(row.Media, Is.EqualTo(new[] { new MessageMedia("https://api.twilio.com/m/ME1", "image/jpeg") }));
        });
    }

    [Test]
    public async Task A_status_reported_before_the_send_saved_the_message_is_kept_then_applied_by_the_save()
    {
        var pendingWhileTwilioAnswered = -1;
        App.OnTwilioMessageCreated = async sid =>
        {
            await App.Send(new UpdateMessageStatusCommand(sid, "read"));
            pendingWhileTwilioAnswered = await App.PendingCount();
        };

        var sent = await App.Send(new SendMessageCommand("+14155550123", "Your order shipped"));

        var stored = await StoredBySid(sent.WaSid!);
        Assert.Multiple(async () =>
        {
            Assert.That(pendingWhileTwilioAnswered, Is.EqualTo(1), "the callback found no message and kept its status");
            Assert.That(sent.Status, Is.EqualTo(MessageStatus.Read), "the send returns the message with the status applied");
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Read));
            Assert.That(await App.PendingCount(), Is.Zero);
        });
    }

    [Test]
    public async Task A_status_reported_after_the_save_is_applied_directly()
    {
        var sent = await App.Send(new SendMessageCommand("+14155550123", "Your order shipped"));

        await App.Send(new UpdateMessageStatusCommand(sent.WaSid, "delivered"));

        Assert.That((await StoredBySid(sent.WaSid!)).Status, Is.EqualTo(MessageStatus.Delivered));
        Assert.That(await App.PendingCount(), Is.Zero);
    }

    [Test]
    public async Task A_pending_failure_keeps_twilios_error_when_applied_at_save()
    {
        App.OnTwilioMessageCreated = sid => App.Send(new UpdateMessageStatusCommand(sid, "undelivered", "63016", "Outside the allowed window"));

        var sent = await App.Send(new SendMessageCommand("+14155550123", "Hello"));

        var stored = await StoredBySid(sent.WaSid!);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Undelivered));
            Assert.That(stored.ErrorCode, Is.EqualTo(63016));
            Assert.That(stored.ErrorMessage, Is.EqualTo("Outside the allowed window"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_callback_racing_the_save_is_always_applied()
    {
        const int iterations = 20;
        var keptPending = 0;
        for (var i = 0; i < iterations; i++)
        {
            Task? callback = null;
            App.OnTwilioMessageCreated = sid =>
            {
                // Started, not awaited: the callback and the send's save run at the same time.
                callback = Task.Run(() => App.Send(new UpdateMessageStatusCommand(sid, "read")));
                return Task.CompletedTask;
            };

            var sent = await App.Send(new SendMessageCommand("+14155550123", $"Message {i}"));
            await callback!;

            var stored = await StoredBySid(sent.WaSid!);
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Read), $"iteration {i}");
            keptPending += sent.Status == MessageStatus.Read ? 1 : 0;
        }

        Assert.That(await App.PendingCount(), Is.Zero);
        TestContext.Out.WriteLine($"{keptPending} of {iterations} sends applied the status themselves.");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Concurrent_callbacks_never_move_a_message_back()
    {
        for (var i = 0; i < 10; i++)
        {
            var sent = await App.Send(new SendMessageCommand("+14155550123", $"Message {i}"));
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var callbacks = ((string[])["sent", "delivered", "read", "delivered", "sent"]).Select(status => Task.Run(async () =>
            {
                await gate.Task;
                await App.Send(new UpdateMessageStatusCommand(sent.WaSid, status));
            })).ToList();

            gate.SetResult();
            await Task.WhenAll(callbacks);

            Assert.That((await StoredBySid(sent.WaSid!)).Status, Is.EqualTo(MessageStatus.Read), $"iteration {i}");
        }
    }

    [Test]
    public async Task An_update_reads_the_stored_version_even_when_the_context_holds_an_older_copy()
    {
        var sid = TestMessages.NewSid();
        await using var scope = App.CreateScope();
        var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
        var added = await repository.AddIfAbsent(TestMessages.Outbound(sid, DateTimeOffset.UtcNow), CancellationToken.None);

        await App.Send(new UpdateMessageStatusCommand(sid, "read"));
        var statusSeen = (MessageStatus?)null;
        var updated = await repository.Update(
            sid,
            message =>
            {
                statusSeen = message.Status;
                return message.ApplyStatus(MessageStatus.Delivered, null, null, DateTimeOffset.UtcNow);
            },
            CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(statusSeen, Is.EqualTo(MessageStatus.Read));
            Assert.That(updated, Is.SameAs(added.Message));
            Assert.That(updated!.Status, Is.EqualTo(MessageStatus.Read));
            Assert.That((await StoredBySid(sid)).Status, Is.EqualTo(MessageStatus.Read));
        });
    }

    [Test]
    public async Task An_update_of_an_unknown_sid_finds_nothing_and_stores_nothing()
    {
        await using var scope = App.CreateScope();
        var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
        var called = false;

        var updated = await repository.Update(TestMessages.NewSid(), _ => called = true, CancellationToken.None);

        Assert.That(updated, Is.Null);
        Assert.That(called, Is.False);
        Assert.That(await App.Query(db => db.Messages.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Pending_statuses_are_listed_oldest_first_and_removing_twice_is_harmless()
    {
        var sid = TestMessages.NewSid();
        var now = DateTimeOffset.UtcNow;
        await using var scope = App.CreateScope();
        var pending = scope.ServiceProvider.GetRequiredService<IPendingStatusUpdateRepository>();
        var later = PendingStatusUpdate.Create(sid, MessageStatus.Read, null, null, now.AddSeconds(1));
        var earlier = PendingStatusUpdate.Create(sid, MessageStatus.Failed, 30008, "Unknown error", now);
        await pending.Add(later, CancellationToken.None);
        await pending.Add(earlier, CancellationToken.None);
        await pending.Add(PendingStatusUpdate.Create(TestMessages.NewSid(), MessageStatus.Sent, null, null, now), CancellationToken.None);

        var listed = await pending.ListFor(sid, CancellationToken.None);
        await pending.Remove([earlier.Id, later.Id], CancellationToken.None);
        await pending.Remove([earlier.Id, later.Id], CancellationToken.None);

        Assert.That(listed.Select(p => p.Id), Is.EqualTo(new[] { earlier.Id, later.Id }));
        Assert.That(listed[0].ErrorCode, Is.EqualTo(30008));
        Assert.That(listed[0].ErrorMessage, Is.EqualTo("Unknown error"));
        // PostgreSQL keeps microseconds, not .NET's tenths of a microsecond.
        Assert.That(listed[0].ReceivedAt, Is.EqualTo(now).Within(TimeSpan.FromMicroseconds(1)));
        Assert.That(await App.PendingCount(), Is.EqualTo(1));
    }

    private Task<Message> StoredBySid(string sid) =>
        App.Query(db => db.Messages.AsNoTracking().SingleAsync(m => m.WaSid == sid));
}
