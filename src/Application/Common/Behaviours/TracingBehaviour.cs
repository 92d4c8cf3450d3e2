using System.Diagnostics;
using Messaging.Application.Common.Diagnostics;

namespace Messaging.Application.Common.Behaviours;

/// <summary>
/// A span around each request's handler, named for the request, so that a trace shows where a request spent its time
/// between the HTTP request and the calls it made to Twilio and the database.
/// </summary>
public sealed class TracingBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    // Computed once per request type, so a span's name costs nothing per request.
    private static readonly string SpanName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var activity = MessagingTelemetry.Source.StartActivity(SpanName);
        try
        {
            return await next();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
