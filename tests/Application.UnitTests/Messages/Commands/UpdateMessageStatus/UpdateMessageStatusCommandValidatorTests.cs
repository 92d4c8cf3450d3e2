using Messaging.Application.Messages.Commands.UpdateMessageStatus;

namespace Messaging.Application.UnitTests.Messages.Commands.UpdateMessageStatus;

public sealed class UpdateMessageStatusCommandValidatorTests
{
    private const string Sid = "SM11111111111111111111111111111111";

    private readonly UpdateMessageStatusCommandValidator _validator = new();

    [TestCase("queued", null, null)]
    [TestCase("Delivered", null, null)]
    [TestCase(" read ", "", "")]
    [TestCase("failed", "30008", "Unknown error")]
    [TestCase("undelivered", "63016", null)]
    public void Twilio_callbacks_are_valid(string status, string? errorCode, string? errorMessage) =>
        Assert.That(_validator.Validate(new UpdateMessageStatusCommand(Sid, status, errorCode, errorMessage)).IsValid, Is.True);

    [TestCase(null, "sent", null, "MessageSid")]
    [TestCase("", "sent", null, "MessageSid")]
    [TestCase(Sid, null, null, "MessageStatus")]
    [TestCase(Sid, " ", null, "MessageStatus")]
    [TestCase(Sid, "partially_delivered", null, "MessageStatus")]
    [TestCase(Sid, "lost", null, "MessageStatus")]
    [TestCase(Sid, "failed", "abc", "ErrorCode")]
    [TestCase(Sid, "failed", "-1", "ErrorCode")]
    [TestCase(Sid, "failed", "99999999999", "ErrorCode")]
    public void Invalid_callbacks_name_the_field(string? sid, string? status, string? errorCode, string property)
    {
        var result = _validator.Validate(new UpdateMessageStatusCommand(sid, status, errorCode));

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Select(e => e.PropertyName), Does.Contain(property));
    }

    [Test]
    public void A_sid_longer_than_a_stored_sid_can_be_is_refused()
    {
        var result = _validator.Validate(new UpdateMessageStatusCommand(new string('S', 65), "sent"));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "MessageSid" }));
    }
}
