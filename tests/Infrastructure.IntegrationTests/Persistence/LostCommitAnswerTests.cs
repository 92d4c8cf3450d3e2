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

        var claim = await app.InScopeAsync(
            s => s.GetRequiredService<IIdempotencyStore>().TryClaim("client", "key-1", "fingerprint", cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(app.Counts.Retries, Is.EqualTo(1), "the unit ran again");
            Assert.That(claim.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
        });
        Assert.That(await app.CountAsync<IdempotencyRecord>(), Is.EqualTo(1));
    }

    // Without a SID (a send whose outcome is unknown, or that Twilio refused) only the id tells the message apart.
    [TestCase(false)]
    [TestCase(true)]
    [CancelAfter(30_000)]
    public async Task A_message_whose_commit_answer_was_lost_is_stored_once_and_returned(bool withSid, CancellationToken cancellationToken)
    {
        await using var app = await RetryingApp.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var message = withSid
            ? TestMessages.Outbound(TestMessages.NewSid(), now)
            : Message.OutcomeUnknown(Message.ReserveId(now), TestMessages.Sender, TestMessages.Alice, "hello", [], null, now);
        app.Commits.LoseNextAnswers(1);

        var result = await app.InScopeAsync(s => s.GetRequiredService<IMessageRepository>().AddIfAbsent(message, cancellationToken));

        Assert.Multiple(() =>
        {
            Assert.That(app.Counts.Retries, Is.EqualTo(1), "the unit ran again");
            Assert.That(result.Message.Id, Is.EqualTo(message.Id));
            Assert.That(result.Message.Status, Is.EqualTo(message.Status));
        });
        Assert.That(await app.CountAsync<Message>(), Is.EqualTo(1));
    }
}
