using FluentValidation;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>What the tests of the list queries' validators check of every answer, kept once so the three cannot drift apart.</summary>
public static class QueryValidation
{
    public static void AssertAccepts<T>(this IValidator<T> validator, T query) =>
        Assert.That(validator.Validate(query).Errors, Is.Empty);

    /// <summary>Refused with one error, for <paramref name="property"/>, whose message leaves no placeholder unfilled.</summary>
    public static void AssertRefuses<T>(this IValidator<T> validator, T query, string property)
    {
        var errors = validator.Validate(query).Errors;

        Assert.That(errors.Select(e => e.PropertyName), Is.EqualTo((string[])[property]));
        Assert.That(errors.Select(e => e.ErrorMessage), Has.None.Contains("{"));
    }
}
