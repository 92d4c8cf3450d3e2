using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Stands between Twilio's REST endpoints and the network: a request that an injected fault targets is answered with an
/// error, dropped, delayed or left hanging, before or after the endpoint processed it.
/// </summary>
internal sealed class FaultInjector(FaultQueue faults, TimeProvider timeProvider, CancellationToken stopping)
{
    public RequestDelegate Around(RequestDelegate endpoint, bool isMessageCreate) => context =>
        faults.TakeFor(isMessageCreate) is { } fault ? ApplyAsync(context, fault, endpoint) : endpoint(context);

    private async Task ApplyAsync(HttpContext context, TwilioFault fault, RequestDelegate endpoint)
    {
        switch (fault.Kind)
        {
            case TwilioFaultKind.Error:
            case TwilioFaultKind.TooManyRequests:
                await AnswerErrorAsync(context, fault);
                return;
            case TwilioFaultKind.DropBeforeProcessing:
                context.Abort();
                return;
        }

        // The endpoint writes its answer into a buffer, so nothing reaches the client before the fault decides.
        var network = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await endpoint(context);
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(network);
        }

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            switch (fault.Kind)
            {
                case TwilioFaultKind.DropAfterProcessing:
                    context.Abort();
                    return;
                case TwilioFaultKind.Hang:
                    await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, giveUp.Token);
                    return;
                case TwilioFaultKind.Delay:
                    await Task.Delay(fault.AnswerDelay!.Value, timeProvider, giveUp.Token);
                    break;
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            // The client gave up or the emulator is stopping: there is no one left to answer.
            context.Abort();
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static Task AnswerErrorAsync(HttpContext context, TwilioFault fault)
    {
        var status = fault.StatusCode!.Value;
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return TwilioJson.WriteErrorAsync(context, TwilioError.Of(status, 20000 + status, ReasonPhrases.GetReasonPhrase(status)));
    }
}
