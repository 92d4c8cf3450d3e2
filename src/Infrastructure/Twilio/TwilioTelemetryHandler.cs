using System.Diagnostics;
using System.Net;
using Messaging.Application.Common.Diagnostics;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Times every HTTP request to Twilio (each attempt, when one is retried) by operation and result, and gives it a span
/// named for the operation, inside the trace of the request that caused it.
/// </summary>
internal sealed class TwilioTelemetryHandler(MessagingTelemetry telemetry) : DelegatingHandler
{
    // Values of the "operation" tag: what was asked of Twilio, read from the request's method and path.
    private const string MessageCreate = "message.create";
    private const string MessageFetch = "message.fetch";
    private const string MessageList = "message.list";
    private const string ContentList = "content.list";
    private const string Other = "other";

    // Values of the "result" tag.
    private const string Success = "success";
    private const string Throttled = "throttled";
    private const string ClientError = "client_error";
    private const string ServerError = "server_error";
    private const string TransportError = "transport_error";
    private const string Canceled = "canceled";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Operation(request);
        using var activity = MessagingTelemetry.Source.StartActivity(operation, ActivityKind.Internal);
        activity?.SetTag("twilio.operation", operation);
        var started = Stopwatch.GetTimestamp();
        var result = TransportError;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            result = Result(response.StatusCode);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = Canceled;
            throw;
        }
        finally
        {
            telemetry.TwilioRequest(operation, result, Stopwatch.GetElapsedTime(started));
            if (result != Success)
            {
                activity?.SetStatus(ActivityStatusCode.Error, result);
            }
        }
    }

    private static string Operation(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (path.StartsWith("/v1/Content", StringComparison.Ordinal))
        {
            return ContentList;
        }

        if (path.EndsWith("/Messages.json", StringComparison.Ordinal))
        {
            return request.Method == HttpMethod.Post ? MessageCreate : MessageList;
        }

        return path.Contains("/Messages/", StringComparison.Ordinal) && request.Method == HttpMethod.Get ? MessageFetch : Other;
    }

    private static string Result(HttpStatusCode status) => (int)status switch
    {
        < 400 => Success,
        429 => Throttled,
        < 500 => ClientError,
        _ => ServerError,
    };
}
