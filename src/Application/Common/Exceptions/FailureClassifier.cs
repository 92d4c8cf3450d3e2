namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// The one list of expected failures. <see cref="Behaviours.UnhandledExceptionBehaviour{TRequest, TResponse}"/> logs by
/// it, and the API's exception handler answers every failure that is not <see cref="FailureKind.Unexpected"/> with a
/// problem response, so an exception added to one is added to both.
/// </summary>
public static class FailureClassifier
{
    public static FailureKind Classify(Exception exception) => exception switch
    {
        ValidationException or NotFoundException or CustomerServiceWindowClosedException or TemplateNotSendableException
            or MediaSourceNotAllowedException or WebhookUrlNotAllowedException or WebhookSubscriptionLimitException
            or WebhookSubscriptionDisabledException => FailureKind.CallerError,
        MessageRejectedException => FailureKind.RefusedByTwilio,
        TwilioUnavailableException or MediaUnavailableException => FailureKind.Outage,
        _ => FailureKind.Unexpected,
    };
}
