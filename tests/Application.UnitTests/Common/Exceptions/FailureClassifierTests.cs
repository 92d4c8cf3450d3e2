namespace Messaging.Application.UnitTests.Common.Exceptions;

public sealed class FailureClassifierTests
{
    // Thrown by the Twilio port and always handled by the send (a MessageRejectedException, or a message stored as
    // unknown); never seen by a caller.
    private static readonly Type[] PortOnly = [typeof(TwilioRejectedException), typeof(TwilioOutcomeUnknownException)];

    private static IEnumerable<Type> ApplicationExceptions() =>
        typeof(FailureClassifier).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FailureClassifier).Namespace && typeof(Exception).IsAssignableFrom(t))
            .Except(PortOnly);

    [TestCaseSource(nameof(ApplicationExceptions))]
    public void Every_exception_the_application_throws_at_a_caller_is_expected(Type exceptionType)
    {
        var exception = (Exception)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(exceptionType);

        Assert.That(FailureClassifier.Classify(exception), Is.Not.EqualTo(FailureKind.Unexpected));
    }

    [Test]
    public void Anything_else_is_unexpected()
    {
        Assert.That(FailureClassifier.Classify(new InvalidOperationException()), Is.EqualTo(FailureKind.Unexpected));
        Assert.That(FailureClassifier.Classify(new TwilioRejectedException(21211, "x", 400, null)), Is.EqualTo(FailureKind.Unexpected));
    }
}
