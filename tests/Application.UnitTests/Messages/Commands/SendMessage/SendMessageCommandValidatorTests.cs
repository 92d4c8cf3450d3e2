using Messaging.Application.Messages.Commands.SendMessage;

namespace Messaging.Application.UnitTests.Messages.Commands.SendMessage;

public sealed class SendMessageCommandValidatorTests
{
    private const string To = "+14155550123";
    private const string Template = "HX0123456789abcdef0123456789abcdef";
    private const string Image = "https://example.com/a.png";

    private static readonly Dictionary<string, string> Variables = new() { ["1"] = "Ana" };

    private readonly SendMessageCommandValidator _validator = new();

    public static IEnumerable<TestCaseData> ValidCommands()
    {
        yield return Case("Body only", new SendMessageCommand(To, "hello"));
        yield return Case("Body of 1,600 characters", new SendMessageCommand(To, new string('x', 1600)));
        yield return Case("Media only", new SendMessageCommand(To, null, [Image]));
        yield return Case("Body and media", new SendMessageCommand(To, "caption", [Image]));
        yield return Case("Blank body beside media", new SendMessageCommand(To, "  ", [Image]));
        yield return Case("Media URL of 2,048 characters", new SendMessageCommand(To, null, [UrlOfLength(2048)]));
        yield return Case("Media URL with query and port", new SendMessageCommand(To, null, ["https://cdn.example.com:8443/a.png?sig=abc&x=1"]));
        yield return Case("Template", new SendMessageCommand(To, null, null, Template));
        yield return Case("Template with upper-case hex", new SendMessageCommand(To, null, null, "HX0123456789ABCDEF0123456789ABCDEF"));
        yield return Case("Template with variables", new SendMessageCommand(To, null, null, Template, Variables));
        yield return Case("Variable with four spaces in a row", Variable("Ana    Smith"));
        yield return Case("Template with an empty body", new SendMessageCommand(To, "", [], Template));
        yield return Case("Prefixed address", new SendMessageCommand("whatsapp:+14155550123", "hi"));
        yield return Case("Body with line breaks and a tab", new SendMessageCommand(To, "Order 1234:\r\n\tshipped\nArrives Friday"));
    }

    public static IEnumerable<TestCaseData> InvalidCommands()
    {
        yield return Case("Neither content nor template", new SendMessageCommand(To), "Body");
        yield return Case("Empty media list and no body", new SendMessageCommand(To, null, []), "Body");
        yield return Case("Blank body only", new SendMessageCommand(To, " \t\n"), "Body");
        yield return Case("Body of 1,601 characters", new SendMessageCommand(To, new string('x', 1601)), "Body");
        yield return Case("Body with a NUL", new SendMessageCommand(To, "a\0b"), "Body");
        yield return Case("Body with an escape sequence", new SendMessageCommand(To, "\u001b[31mred"), "Body");
        yield return Case("Body with a C1 control", new SendMessageCommand(To, "a\u0085b"), "Body");
        yield return Case("Two media URLs", new SendMessageCommand(To, null, [Image, "https://example.com/b.png"]), "MediaUrls");
        yield return Case("Media URL of 2,049 characters", new SendMessageCommand(To, null, [UrlOfLength(2049)]), "MediaUrls[0]");
        yield return Case("Plain http media URL", new SendMessageCommand(To, null, ["http://example.com/a.png"]), "MediaUrls[0]");
        yield return Case("Relative media URL", new SendMessageCommand(To, null, ["/media/a.png"]), "MediaUrls[0]");
        yield return Case("Ftp media URL", new SendMessageCommand(To, null, ["ftp://example.com/a.png"]), "MediaUrls[0]");
        yield return Case("File media URL", new SendMessageCommand(To, null, ["file:///etc/passwd"]), "MediaUrls[0]");
        yield return Case("Media URL with a control character", new SendMessageCommand(To, null, ["https://example.com/a\u0007.png"]), "MediaUrls[0]");
        yield return Case("Media URL with a line break", new SendMessageCommand(To, null, ["https://example.com/a.png\r\nX-Injected: 1"]), "MediaUrls[0]");
        yield return Case("Media URL with a space", new SendMessageCommand(To, null, ["https://example.com/a b.png"]), "MediaUrls[0]");
        yield return Case("Media URL with a no-break space", new SendMessageCommand(To, null, ["https://example.com/a\u00a0b.png"]), "MediaUrls[0]");
        yield return Case("Media URL with a right-to-left override", new SendMessageCommand(To, null, ["https://example.com/‮gnp.exe"]), "MediaUrls[0]");
        yield return Case("Media URL with a zero-width joiner", new SendMessageCommand(To, null, ["https://example.com/a‍.png"]), "MediaUrls[0]");
        yield return Case("Media URL on port 0", new SendMessageCommand(To, null, ["https://example.com:0/a.png"]), "MediaUrls[0]");
        yield return Case("Empty media URL", new SendMessageCommand(To, "hi", [""]), "MediaUrls[0]");
        yield return Case("Missing media URL", new SendMessageCommand(To, "hi", [null!]), "MediaUrls[0]");
        yield return Case("ContentSid too short", new SendMessageCommand(To, null, null, "HX0123456789abcdef0123456789abcde"), "ContentSid");
        yield return Case("ContentSid too long", new SendMessageCommand(To, null, null, Template + "0"), "ContentSid");
        yield return Case("ContentSid not hex", new SendMessageCommand(To, null, null, "HX0123456789abcdef0123456789abcdeg"), "ContentSid");
        yield return Case("ContentSid lower-case prefix", new SendMessageCommand(To, null, null, "hx0123456789abcdef0123456789abcdef"), "ContentSid");
        yield return Case("ContentSid of another resource", new SendMessageCommand(To, null, null, "MG0123456789abcdef0123456789abcdef"), "ContentSid");
        yield return Case("ContentSid empty", new SendMessageCommand(To, null, null, ""), "ContentSid");
        yield return Case("Body and template", new SendMessageCommand(To, "hello", null, Template), "ContentSid");
        yield return Case("Media and template", new SendMessageCommand(To, null, [Image], Template), "ContentSid");
        yield return Case("Variables without template", new SendMessageCommand(To, "hello", null, null, Variables), "ContentVariables");
        yield return Case("Variable with a blank name", new SendMessageCommand(To, null, null, Template, new Dictionary<string, string> { [" "] = "x" }), "ContentVariables[0]");
        yield return Case("Variable without a value", new SendMessageCommand(To, null, null, Template, new Dictionary<string, string> { ["1"] = null! }), "ContentVariables[0]");
        yield return Case("Variable with an empty value", Variable(string.Empty), "ContentVariables[0]");
        yield return Case("Variable of spaces", Variable("   "), "ContentVariables[0]");
        yield return Case("Variable with a line break", Variable("Ana\nSmith"), "ContentVariables[0]");
        yield return Case("Variable with a carriage return", Variable("Ana\rSmith"), "ContentVariables[0]");
        yield return Case("Variable with a tab", Variable("Ana\tSmith"), "ContentVariables[0]");
        yield return Case("Variable with five spaces in a row", Variable("Ana     Smith"), "ContentVariables[0]");
        yield return Case("Variable with a NUL", Variable("Ana\0"), "ContentVariables[0]");
        yield return Case("Empty address", new SendMessageCommand("", "hello"), "To");
        yield return Case("National number", new SendMessageCommand("4155550123", "hello"), "To");
        yield return Case("Sms address", new SendMessageCommand("sms:+14155550123", "hello"), "To");
    }

    [TestCaseSource(nameof(ValidCommands))]
    public void Accepts(SendMessageCommand command)
    {
        var result = _validator.Validate(command);

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCaseSource(nameof(InvalidCommands))]
    public void Refuses_with_a_message_on_the_offending_property(SendMessageCommand command, string property)
    {
        var result = _validator.Validate(command);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Select(e => e.PropertyName), Does.Contain(property));
        Assert.That(result.Errors.Select(e => e.ErrorMessage), Has.None.Empty.And.None.Contains("{"));
    }

    [Test]
    public void The_body_limit_message_tells_the_length_sent()
    {
        var result = _validator.Validate(new SendMessageCommand(To, new string('x', 1601)));

        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("1600").And.Contain("1601"));
    }

    [Test]
    public void The_boundary_helper_builds_urls_of_the_asked_length()
    {
        Assert.That(UrlOfLength(2048), Has.Length.EqualTo(2048).And.StartsWith("https://"));
        Assert.That(Uri.IsWellFormedUriString(UrlOfLength(2049), UriKind.Absolute), Is.True);
    }

    private static string UrlOfLength(int length)
    {
        const string start = "https://example.com/";
        return start + new string('a', length - start.Length);
    }

    private static SendMessageCommand Variable(string value) =>
        new(To, null, null, Template, new Dictionary<string, string> { ["1"] = value });

    private static TestCaseData Case(string name, SendMessageCommand command, string? property = null) =>
        (property is null ? new TestCaseData(command) : new TestCaseData(command, property)).SetName(name);
}
