using Microsoft.Extensions.Logging;

namespace Messaging.Application.Common.Behaviours;

/// <summary>
/// Logs what a request failed with, as <see cref="FailureClassifier"/> says: answers meant for the caller and a
/// canceled request are not logged, Twilio refusing a send or being down is a warning, and only unexpected failures
/// are errors, so error logs stay something worth waking up for. This is the one place a failed request is logged.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Log(ex);
            throw;
        }
    }

    private void Log(Exception ex)
    {
        switch (FailureClassifier.Classify(ex))
        {
            case FailureKind.CallerError:
                break;
            case FailureKind.RefusedByTwilio when ex is MessageRejectedException rejected:
                // Twilio's own text is not logged: it quotes the numbers ("The 'To' number whatsapp:+1… is not…").
                // The code says what happened and the stored message says to whom.
                logger.LogWarning(
                    "{Request} was refused by Twilio with code {TwilioCode}; message {MessageId} is stored as failed",
                    typeof(TRequest).Name,
                    rejected.TwilioCode,
                    rejected.MessageId);
                break;
            case FailureKind.Outage:
                // The exception carries the cause (Twilio's HTTP status, the transport failure), so this is the only
                // line an outage needs.
                logger.LogWarning(ex, "{Request} failed because Twilio is unavailable", typeof(TRequest).Name);
                break;
            default:
                // The request itself is not logged: it carries phone numbers and message text.
                logger.LogError(ex, "{Request} failed with an unhandled exception", typeof(TRequest).Name);
                break;
        }
    }
}
