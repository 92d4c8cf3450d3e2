using Messaging.Api.ProblemResponses;
using Messaging.Application.Common.Logging;
using Messaging.Infrastructure.Twilio;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Api.Webhooks;

/// <summary>
/// Runs before model binding, so a request that is not from Twilio is refused before anything reads its fields; one
/// without a signature is refused before its body is read at all. The form is read here once; ASP.NET Core keeps it for
/// the binding that follows.
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

        var signature = request.Headers[TwilioWebhookValidator.SignatureHeader].ToString();
        var verdict = string.IsNullOrWhiteSpace(signature)
            ? TwilioWebhookVerdict.MissingSignature
            : await CheckAsync(request, signature, httpContext.RequestAborted);
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
            TwilioWebhookVerdict.NoAccount => "The request names no Twilio account (AccountSid).",
            _ => $"The {TwilioWebhookValidator.SignatureHeader} header does not match the request.",
        };
        context.Result = new ProblemResult(Problems.NotFromTwilio(detail));
    }

    /// <summary>
    /// The verdict on a request that carries a signature. A form that cannot be read (too many fields, a value with
    /// a NUL) is none Twilio signed, and its signature cannot be checked: it is refused as not from Twilio.
    /// </summary>
    private async Task<TwilioWebhookVerdict> CheckAsync(HttpRequest request, string signature, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        }
        catch (InvalidDataException)
        {
            return TwilioWebhookVerdict.InvalidSignature;
        }

        return validator.Validate(webhookUrls.SignedUrl(request), form, signature);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook request to {Path}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string path, TwilioWebhookVerdict verdict);
}
