using Messaging.Api.ProblemResponses;
using Messaging.Application.Common.Logging;
using Messaging.Infrastructure.Twilio;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.Webhooks;

/// <summary>
/// Runs before model binding, so a request that is not from Twilio is refused before anything reads its fields. The
/// form is read here once; ASP.NET Core keeps it for the binding that follows.
/// </summary>
internal sealed partial class TwilioSignatureFilter(
    TwilioWebhookValidator validator,
    TwilioWebhookUrls webhookUrls,
    ILogger<TwilioSignatureFilter> logger) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var httpContext = context.HttpContext;
        var request = httpContext.Request;

        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(httpContext.RequestAborted) : FormCollection.Empty;
        }
        catch (InvalidDataException ex)
        {
            context.Result = new ProblemResult(Problems.UnreadableBody(ex.Message));
            return;
        }

        var verdict = validator.Validate(
            webhookUrls.SignedUrl(request), form, request.Headers[TwilioWebhookValidator.SignatureHeader].ToString());
        if (verdict == TwilioWebhookVerdict.Valid)
        {
            return;
        }

        // Neither the signature nor the token are logged: the first is useless to a reader and the second a secret.
        LogRefused(logger, LogText.Escape(request.Path.Value), verdict);
        var detail = verdict switch
        {
            TwilioWebhookVerdict.MissingSignature => $"The request has no {TwilioWebhookValidator.SignatureHeader} header.",
            TwilioWebhookVerdict.OtherAccount => "The request is for another Twilio account.",
            _ => $"The {TwilioWebhookValidator.SignatureHeader} header does not match the request.",
        };
        context.Result = new ProblemResult(Problems.NotFromTwilio(detail));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook request to {Path}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string path, TwilioWebhookVerdict verdict);
}
