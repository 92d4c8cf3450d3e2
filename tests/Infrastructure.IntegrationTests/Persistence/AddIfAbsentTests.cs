using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

public sealed class AddIfAbsentTests(string provider) : DatabaseFixture(provider)
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Concurrent_inserts_of_one_sid_leave_one_row_and_agree_on_it(CancellationToken cancellationToken)
    {
        const int callers = 32;
        var sid = TestMessages.NewSid();
        var results = await RacingInserts.OfOneSidAsync(
            Enumerable.Range(0, callers).Select(_ => Database.CreateScope()).ToList(), sid, Clock.GetUtcNow(), cancellationToken);

        var winner = results.Single(r => r.Inserted).Message;
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Message.Id).Distinct(), Is.EqualTo(new[] { winner.Id }));
            Assert.That(results.Select(r => r.Message.Body).Distinct(), Is.EqualTo(new[] { winner.Body }));
        });
        Assert.That(await CountRowsAsync(sid, cancellationToken), Is.EqualTo(1));
    }

    [Test]
    public async Task A_duplicate_sid_returns_the_stored_message_not_the_new_one()
    {
        var sid = TestMessages.NewSid();
        var original = TestMessages.Outbound(sid, Clock.GetUtcNow(), body: "original");
        await AddInOwnScopeAsync(original);

        Clock.Advance(TimeSpan.FromMinutes(1));
        var duplicate = TestMessages.Outbound(sid, Clock.GetUtcNow(), body: "duplicate");
        var result = await AddInOwnScopeAsync(duplicate);

        Assert.Multiple(() =>
        {
            Assert.That(result.Inserted, Is.False);
            Assert.That(result.Message.Id, Is.EqualTo(original.Id));
            Assert.That(result.Message.Body, Is.EqualTo("original"));
            Assert.That(result.Message.CreatedAt, Is.EqualTo(original.CreatedAt));
        });
    }

    [Test]
    public async Task After_losing_on_a_duplicate_the_same_context_saves_other_messages()
    {
        var sid = TestMessages.NewSid();
        await AddInOwnScopeAsync(TestMessages.Outbound(sid, Clock.GetUtcNow(), body: "original"));

        await using var scope = Database.CreateScope();
        var repository = scope.ServiceProvider.GetRequiredService<IMessageRepository>();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();

        var lost = await repository.AddIfAbsent(TestMessages.Outbound(sid, Clock.GetUtcNow(), body: "duplicate"), CancellationToken.None);
        Assert.That(context.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged), Is.Empty);

        var otherSid = TestMessages.NewSid();
        var next = await repository.AddIfAbsent(TestMessages.Outbound(otherSid, Clock.GetUtcNow(), body: "next"), CancellationToken.None);

        var rowsWithLostSid = await CountRowsAsync(sid, CancellationToken.None);
        var rowsWithOtherSid = await CountRowsAsync(otherSid, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(lost.Inserted, Is.False);
            Assert.That(next.Inserted, Is.True);
            Assert.That(rowsWithLostSid, Is.EqualTo(1));
            Assert.That(rowsWithOtherSid, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Messages_without_a_sid_are_always_inserted()
    {
        var first = Message.Rejected(
            TestMessages.Sender, TestMessages.Alice, "hi", null, null, 63016, "Outside the 24h window", Clock.GetUtcNow());
        var second = Message.Rejected(
            TestMessages.Sender, TestMessages.Alice, "hi", null, null, 63016, "Outside the 24h window", Clock.GetUtcNow());

        var firstResult = await AddInOwnScopeAsync(first);
        var secondResult = await AddInOwnScopeAsync(second);

        await using var scope = Database.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var rowsWithoutSid = await context.Messages.CountAsync(m => m.WaSid == null);
        Assert.Multiple(() =>
        {
            Assert.That(firstResult.Inserted, Is.True);
            Assert.That(secondResult.Inserted, Is.True);
            Assert.That(firstResult.Message.Id, Is.Not.EqualTo(secondResult.Message.Id));
            Assert.That(rowsWithoutSid, Is.EqualTo(2));
        });
    }

    private async Task<AddIfAbsentResult> AddInOwnScopeAsync(Message message)
    {
        await using var scope = Database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, CancellationToken.None);
    }

    private async Task<int> CountRowsAsync(string sid, CancellationToken cancellationToken)
    {
        await using var scope = Database.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await context.Messages.CountAsync(m => m.WaSid == sid, cancellationToken);
    }
}
