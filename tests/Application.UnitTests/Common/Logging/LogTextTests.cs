using Messaging.Application.Common.Logging;

namespace Messaging.Application.UnitTests.Common.Logging;

public sealed class LogTextTests
{
    [TestCase("/api/x\ninfo: Fake", @"/api/x\ninfo: Fake")]
    [TestCase("a\r\nb", @"a\r\nb")]
    [TestCase("tab\there", @"tab\there")]
    [TestCase("bell\u0007", @"bell\u0007")]
    [TestCase("esc\u001b[31m", @"esc\u001b[31m")]
    [TestCase("c1\u0085next", @"c1\u0085next")]
    [TestCase("line\u2028separator", @"line\u2028separator")]
    [TestCase("bidi\u202eoverride", @"bidi\u202eoverride")]
    [TestCase("isolate\u2066x\u2069", @"isolate\u2066x\u2069")]
    public void Characters_that_could_forge_or_disguise_a_line_are_written_as_escapes(string value, string expected) =>
        Assert.That(LogText.Escape(value), Is.EqualTo(expected));

    [TestCase("/api/messages/01a21f1e-5f77-7a8c-b738-1af613134b39")]
    [TestCase("Ünïcödé and 日本語 are kept")]
    [TestCase(@"a literal \n is no line break")]
    public void Ordinary_text_is_returned_as_it_is(string value) =>
        Assert.That(LogText.Escape(value), Is.SameAs(value));

    [Test]
    public void Null_and_empty_are_empty() =>
        Assert.That(new[] { LogText.Escape(null), LogText.Escape(string.Empty) }, Is.All.Empty);

    [Test]
    public void Very_long_values_are_cut_and_say_how_long_they_were()
    {
        var escaped = LogText.Escape(new string('a', 5000));

        Assert.Multiple(() =>
        {
            Assert.That(escaped, Does.StartWith(new string('a', LogText.MaxLength)));
            Assert.That(escaped, Does.EndWith("(5000 characters)"));
            Assert.That(escaped.Length, Is.LessThan(LogText.MaxLength + 30));
        });
    }
}
