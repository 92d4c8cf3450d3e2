using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Messaging.TwilioEmulator;

/// <summary>What every REST API request passes first: injected outages, then Twilio's basic authentication.</summary>
internal sealed class ApiGuard(EmulatorState state)
{
    /// <summary>Answers the request with an error when an injected failure or the credentials say so.</summary>
    public async Task<bool> RefuseAsync(HttpContext context)
    {
        // An outage answers before Twilio looks at who is asking.
        if (state.TryTakeFailure(out var failureStatus))
        {
            var reason = ReasonPhrases.GetReasonPhrase(failureStatus);
            await TwilioJson.WriteErrorAsync(context, TwilioError.Of(failureStatus, 20000 + failureStatus, reason));
            return true;
        }

        var pathAccount = context.Request.RouteValues["accountSid"] as string;
        if (!BasicAuthentication.IsAuthorized(context.Request, state.AccountSid, state.AuthToken)
            || !string.Equals(pathAccount, state.AccountSid, StringComparison.Ordinal))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            await TwilioJson.WriteErrorAsync(context, TwilioError.Of(StatusCodes.Status401Unauthorized, 20003, "Authenticate"));
            return true;
        }

        return false;
    }
}
