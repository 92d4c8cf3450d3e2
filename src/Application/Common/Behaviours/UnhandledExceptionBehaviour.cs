using MediatR;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Logging;
using Microsoft.Extensions.Logging;

namespace Messaging.Application.Common.Behaviours;

/// <summary>
/// Logs what a request failed with. Only unexpected failures are errors: invalid input, a missing message, a
/// free-form send outside the customer-service window, a template that cannot be sent and a canceled request are the
/// caller's business, and Twilio refusing a send or being down is logged as a warning, so error logs stay something
/// worth waking up for.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private readonly ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> _logger;

    public UnhandledExceptionBehaviour(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    {
        _logger = logger;
    }

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception ex) when (ex is ValidationException or NotFoundException or CustomerServiceWindowClosedException
            or TemplateNotSendableException
            || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw;
        }
        catch (MessageRejectedException ex)
        {
            _logger.LogWarning("{Request} was refused by Twilio with code {TwilioCode}: {Reason}", typeof(TRequest).Name, ex.TwilioCode, LogText.Escape(ex.Message));
            throw;
        }
        catch (TwilioUnavailableException ex)
        {
            _logger.LogWarning(ex, "{Request} failed because Twilio is unavailable", typeof(TRequest).Name);
            throw;
        }
        catch (Exception ex)
        {
            // The request itself is not logged: it carries phone numbers and message text.
            _logger.LogError(ex, "{Request} failed with an unhandled exception", typeof(TRequest).Name);
            throw;
        }
    }
}
