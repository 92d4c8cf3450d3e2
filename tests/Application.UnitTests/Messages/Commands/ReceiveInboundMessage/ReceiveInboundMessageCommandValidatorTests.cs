using Messaging.Application.Messages.Commands.ReceiveInboundMessage;

namespace Messaging.Application.UnitTests.Messages.Commands.ReceiveInboundMessage;

public sealed class ReceiveInboundMessageCommandValidatorTests
{
    private const string Sid = "SM11111111111111111111111111111111";
    private const string Customer = "whatsapp:+14155550123";
    private const string Sender = "whatsapp:+14155238886";

    private readonly ReceiveInboundMessageCommandValidator _validator = new();

    public static IEnumerable<TestCaseData> ValidCommands()
    {
        yield return new TestCaseData(new ReceiveInboundMessageCommand(Sid, Customer, Sender, "hello")).SetArgDisplayNames("text");
        yield return new TestCaseData(new ReceiveInboundMessageCommand(Sid, Customer, Sender)).SetArgDisplayNames("no body");
        yield return new TestCaseData(new ReceiveInboundMessageCommand(Sid, Customer, Sender, null, [new InboundMedia("https://api.twilio.com/m/ME1", "image/png")], "Ana"))
            .SetArgDisplayNames("media and profile name");
        yield return new TestCaseData(new ReceiveInboundMessageCommand(Sid, Customer, Sender, null, [.. Enumerable.Range(0, 10).Select(i => new InboundMedia($"https://m.example/{i}", null))]))
            .SetArgDisplayNames("ten media");
    }

    public static IEnumerable<TestCaseData> InvalidCommands()
    {
        static TestCaseData Case(string name, ReceiveInboundMessageCommand command, string property) =>
            new TestCaseData(command, property).SetArgDisplayNames(name);

        yield return Case("missing sid", new ReceiveInboundMessageCommand(null, Customer, Sender, "hi"), "MessageSid");
        yield return Case("missing from", new ReceiveInboundMessageCommand(Sid, null, Sender, "hi"), "From");
        yield return Case("missing to", new ReceiveInboundMessageCommand(Sid, Customer, "", "hi"), "To");
        yield return Case("from not a number", new ReceiveInboundMessageCommand(Sid, "whatsapp:bob", Sender, "hi"), "From");
        yield return Case("to of another channel", new ReceiveInboundMessageCommand(Sid, Customer, "messenger:123", "hi"), "To");
        yield return Case("media without a URL", new ReceiveInboundMessageCommand(Sid, Customer, Sender, null, [new InboundMedia(null, "image/png")]), "Media[0].Url");
        yield return Case("relative media URL", new ReceiveInboundMessageCommand(Sid, Customer, Sender, null, [new InboundMedia("/m/ME1", null)]), "Media[0].Url");
        yield return Case("file media URL", new ReceiveInboundMessageCommand(Sid, Customer, Sender, null, [new InboundMedia("file:///etc/passwd", null)]), "Media[0].Url");
        yield return Case("eleven media", new ReceiveInboundMessageCommand(Sid, Customer, Sender, null, [.. Enumerable.Range(0, 11).Select(i => new InboundMedia($"https://m.example/{i}", null))]), "Media");
        yield return Case("profile name of 257 characters", new ReceiveInboundMessageCommand(Sid, Customer, Sender, "hi", null, new string('a', 257)), "ProfileName");
    }

    [TestCaseSource(nameof(ValidCommands))]
    public void Inbound_messages_as_twilio_posts_them_are_valid(ReceiveInboundMessageCommand command) =>
        Assert.That(_validator.Validate(command).Errors, Is.Empty);

    [TestCaseSource(nameof(InvalidCommands))]
    public void Invalid_inbound_messages_name_the_field(ReceiveInboundMessageCommand command, string property) =>
        Assert.That(_validator.Validate(command).Errors.Select(e => e.PropertyName), Does.Contain(property));
}
