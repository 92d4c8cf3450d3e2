using Messaging.Application.Messages;
using Messaging.Application.Messages.Commands.UpdateMessageStatus;
using Messaging.Application.Messages.Recording;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A send whose outcome is unknown, stored without a SID, and Twilio's callback naming it by the id in its URL: in
/// either order, and racing, on each database. Always one row for the SID, named, with the status applied.
/// </summary>
public sealed class UnknownOutcomePersistenceTests(string provider) : MessagingOnDatabaseFixture(provider)
{
    [Test]
    public async Task A_callback_after_the_unknown_message_was_stored_names_it()
    {
        var unknown = await StoreUnknown();
        var sid = TestMessages.NewSid();

        await App.Send(new UpdateMessageStatusCommand(sid, "delivered", MessageId: unknown.Id.ToString()));

        await AssertNamed(unknown.Id, sid, MessageStatus.Delivered);
    }

    [Test]
    public async Task A_callback_before_the_unknown_message_was_stored_is_kept_and_names_it_when_stored()
    {
        var id = Message.ReserveId(DateTimeOffset.UtcNow);
        var sid = TestMessages.NewSid();

        await App.Send(new UpdateMessageStatusCommand(sid, "sent", MessageId: id.ToString()));
        Assert.That(await App.PendingCount(), Is.EqualTo(1));
        var stored = await StoreUnknown(id);

        Assert.Multiple(() =>
        {
            Assert.That(stored.WaSid, Is.EqualTo(sid), "the save returns the message named");
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Sent));
        });
        await AssertNamed(id, sid, MessageStatus.Sent);
    }

    [Test]
    public async Task A_callback_naming_a_message_that_is_already_named_leaves_it_as_it_is()
    {
        var unknown = await StoreUnknown();
        var first = TestMessages.NewSid();
        await App.Send(new UpdateMessageStatusCommand(first, "sent", MessageId: unknown.Id.ToString()));

        await App.Send(new UpdateMessageStatusCommand(TestMessages.NewSid(), "failed", MessageId: unknown.Id.ToString()));

        // The other SID's status stays pending like any status for a SID without a message, until purged by age.
        await AssertNamed(unknown.Id, first, MessageStatus.Sent, pending: 1);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_callback_racing_the_save_of_an_unknown_message_always_names_it()
    {
        for (var i = 0; i < 20; i++)
        {
            var id = Message.ReserveId(DateTimeOffset.UtcNow);
            var sid = TestMessages.NewSid();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var callback = Task.Run(async () =>
            {
                await gate.Task;
                await App.Send(new UpdateMessageStatusCommand(sid, "delivered", MessageId: id.ToString()));
            });
            var save = Task.Run(async () =>
            {
                await gate.Task;
                await StoreUnknown(id);
            });

            gate.SetResult();
            await Task.WhenAll(callback, save);

            await AssertNamed(id, sid, MessageStatus.Delivered, $"iteration {i}");
        }
    }

    private async Task<MessageDto> StoreUnknown(Guid? id = null)
    {
        await using var scope = App.CreateScope();
        var at = DateTimeOffset.UtcNow;
        var message = Message.OutcomeUnknown(id ?? Message.ReserveId(at), TestMessages.Sender, TestMessages.Alice, "hello", null, null, at);
        return await scope.ServiceProvider.GetRequiredService<MessageRecorder>().Record(message, PendingStatusFailure.KeepMessage, CancellationToken.None);
    }

    private async Task AssertNamed(Guid id, string sid, MessageStatus status, string? because = null, int pending = 0)
    {
        var rows = await App.Query(db => db.Messages.AsNoTracking().Where(m => m.Id == id || m.WaSid == sid).ToListAsync());
        var row = rows.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(row.Id, Is.EqualTo(id), because);
            Assert.That(row.WaSid, Is.EqualTo(sid), because);
            Assert.That(row.Status, Is.EqualTo(status), because);
            Assert.That(await App.PendingCount(), Is.EqualTo(pending), because);
        });
    }
}
