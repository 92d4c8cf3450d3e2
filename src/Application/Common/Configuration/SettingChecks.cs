using System.Globalization;

namespace Messaging.Application.Common.Configuration;

/// <summary>
/// Collects what is wrong with one section's settings, each said the same way
/// ("<c>Section:Key is value; it must be …</c>"), so every validator names the key and the value it refused.
/// </summary>
public sealed class SettingChecks(string section)
{
    private readonly List<string> _failures = [];

    public ValidateOptionsResult Result =>
        _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    public SettingChecks Require(bool valid, string key, object? value, string requirement)
    {
        if (!valid)
        {
            _failures.Add($"{section}:{key} is {Describe(value)}; it must be {requirement}.");
        }

        return this;
    }

    public SettingChecks AtLeast(string key, long value, long minimum) =>
        Require(value >= minimum, key, value, $"at least {minimum}");

    public SettingChecks Within(string key, long value, long minimum, long maximum) =>
        Require(value >= minimum && value <= maximum, key, value, $"from {minimum} to {maximum}");

    private static string Describe(object? value) => value switch
    {
        null => "unset",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
