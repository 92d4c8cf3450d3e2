using Messaging.Application.Common.Models;
using Messaging.Infrastructure.Idempotency;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A commit that succeeded on the server but whose answer never arrived (the connection dropped during COMMIT) looks
/// like a failed one, and the writer runs the unit again. Every unit must then end as if it had run once.
/// </summary>
public sealed class LostCommitAnswerTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task A_claim_whose_commit_answer_was_lost_is_still_the_callers(CancellationToken cancellationToken)
    {
        await using var app = await RetryingApp.CreateAsync();
        app.Commits.LoseNextAnswers(1);

        IdempotencyClaim claim;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            claim = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().TryClaim("client", "key-1", "fingerprint", cancellationToken);
        }

        Assert.Multiple(() =>
        {
            Assert.That(app.Counts.Retries, Is.EqualTo(1), "the unit ran again");
            Assert.That(claim.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
        });
        Assert.That(await app.CountAsync<IdempotencyRecord>(), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_message_without_a_sid_whose_commit_answer_was_lost_is_stored_once_and_returned(CancellationToken cancellationToken)
    {
        await using var app = await RetryingApp.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var unknown = Message.OutcomeUnknown(Message.ReserveId(now), TestMessages.Sender, TestMessages.Alice, "hello", [], null, now);
        app.Commits.LoseNextAnswers(1);

        AddIfAbsentResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(unknown, cancellationToken);
        }

        Assert.Multiple(() =>
        {
            Assert.That(app.Counts.Retries, Is.EqualTo(1), "the unit ran again");
            Assert.That(result.Message.Id, Is.EqualTo(unknown.Id));
            Assert.That(result.Message.Status, Is.EqualTo(MessageStatus.Unknown));
        });
        Assert.That(await app.CountAsync<Message>(), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_message_with_a_sid_whose_commit_answer_was_lost_is_stored_once_and_returned(CancellationToken cancellationToken)
    {
        await using var app = await RetryingApp.CreateAsync();
        var message = TestMessages.Outbound(TestMessages.NewSid(), DateTimeOffset.UtcNow);
        app.Commits.LoseNextAnswers(1);

        AddIfAbsentResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, cancellationToken);
        }

        Assert.Multiple(() =>
        {
            Assert.That(app.Counts.Retries, Is.EqualTo(1), "the unit ran again");
            Assert.That(result.Message.Id, Is.EqualTo(message.Id));
        });
        Assert.That(await app.CountAsync<Message>(), Is.EqualTo(1));
    }
}
