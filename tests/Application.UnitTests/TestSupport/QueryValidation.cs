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

    /// <summary>
    /// The page requests every list query accepts, named as its validator's tests name them: the defaults, the limit's
    /// bounds and a cursor the API issued for that list.
    /// </summary>
    public static IEnumerable<TestCaseData> AcceptedPages<T>(T defaults, Func<int, T> withLimit, Func<string, T> withCursor, string issuedCursor)
    {
        yield return new TestCaseData(defaults).SetName("Defaults");
        yield return new TestCaseData(withLimit(1)).SetName("Limit 1");
        yield return new TestCaseData(withLimit(200)).SetName("Limit 200");
        yield return new TestCaseData(withCursor(issuedCursor)).SetName("Cursor this API issued");
    }

    /// <summary>
    /// The page requests every list query refuses, with the property refused: limits out of range and cursors that are
    /// not one the API issued for that list.
    /// </summary>
    public static IEnumerable<TestCaseData> RefusedPages<T>(Func<int, T> withLimit, Func<string, T> withCursor, string issuedCursor)
    {
        yield return new TestCaseData(withLimit(0), "Limit").SetName("Limit 0");
        yield return new TestCaseData(withLimit(-1), "Limit").SetName("Limit negative");
        yield return new TestCaseData(withLimit(201), "Limit").SetName("Limit 201");
        yield return new TestCaseData(withLimit(int.MaxValue), "Limit").SetName("Limit int max");
        yield return new TestCaseData(withCursor(""), "Cursor").SetName("Cursor empty");
        yield return new TestCaseData(withCursor("not-a-cursor"), "Cursor").SetName("Cursor garbage");
        yield return new TestCaseData(withCursor(issuedCursor[..^2]), "Cursor").SetName("Cursor truncated");
        yield return new TestCaseData(withCursor(issuedCursor + "AA"), "Cursor").SetName("Cursor extended");
    }
}
