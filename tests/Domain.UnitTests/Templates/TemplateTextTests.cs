using Messaging.Domain.Templates;

namespace Messaging.Domain.UnitTests.Templates;

public sealed class TemplateTextTests
{
    [Test]
    public void Variables_are_found_once_each_numbers_in_numeric_order_then_names()
    {
        var names = TemplateText.VariablesIn("Hi {{first_name}}, {{10}} and {{2}} and {{1}} and {{2}} again", "{{media_id}}.pdf", null);

        Assert.That(names, Is.EqualTo((string[])["1", "2", "10", "first_name", "media_id"]));
    }

    [TestCase("Hi {1}, {{ 1 }} and {{}}")]
    [TestCase("{{a-b}} {{12345678901234567}}")]
    [TestCase("No variables at all.")]
    public void Only_names_of_letters_digits_and_underscores_in_double_braces_are_variables(string text)
    {
        Assert.That(TemplateText.VariablesIn(text), Is.Empty);
    }

    [Test]
    public void Rendering_fills_every_variable_wherever_and_however_often_it_appears()
    {
        var text = TemplateText.Render("{{1}}: order {{2}} for {{1}}.", new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "#42" });

        Assert.That(text, Is.EqualTo("Ana: order #42 for Ana."));
    }

    [Test]
    public void A_value_that_looks_like_a_variable_is_kept_as_it_was_given()
    {
        var text = TemplateText.Render("Hi {{1}}, see {{2}}", new Dictionary<string, string> { ["1"] = "{{2}}", ["2"] = "you" });

        Assert.That(text, Is.EqualTo("Hi {{2}}, see you"));
    }

    [Test]
    public void Rendering_without_a_value_for_every_variable_is_refused()
    {
        var thrown = Assert.Throws<ArgumentException>(
            () => TemplateText.Render("Hi {{1}}, on {{2}} at {{3}}", new Dictionary<string, string> { ["2"] = "Monday" }));

        Assert.That(thrown!.Message, Does.Contain("1, 3"));
    }
}
