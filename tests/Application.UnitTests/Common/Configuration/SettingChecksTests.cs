using Messaging.Application.Common.Configuration;

namespace Messaging.Application.UnitTests.Common.Configuration;

public sealed class SettingChecksTests
{
    [Test]
    public void Settings_that_meet_every_requirement_succeed()
    {
        var result = new SettingChecks("Section")
            .AtLeast("Count", 1, 1)
            .Within("Size", 10, 1, 10)
            .Require(true, "Name", "x", "anything")
            .Result;

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void Each_refused_setting_is_named_with_its_section_value_and_requirement()
    {
        var result = new SettingChecks("Section")
            .AtLeast("Count", 0, 1)
            .Within("Size", 11, 1, 10)
            .Require(false, "Name", "text", "one of 'a' or 'b'")
            .Require(false, "Limit", null, "set")
            .Result;

        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "Section:Count is 0; it must be at least 1.",
            "Section:Size is 11; it must be from 1 to 10.",
            "Section:Name is 'text'; it must be one of 'a' or 'b'.",
            "Section:Limit is unset; it must be set.",
        }));
    }
}
