using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>What every REST API request passes first: Twilio's basic authentication.</summary>
internal sealed class ApiGuard(EmulatorState state)
{
    /// <summary>Answers the request with 401 when the credentials, or the account in its path, are not the emulator's.</summary>
    public async Task<bool> RefuseAsync(HttpContext context)
    {
        // The 2010-04-01 API names the account in the path; the Content API does not.
        var pathAccount = context.Request.RouteValues.TryGetValue("accountSid", out var value) ? value as string : state.AccountSid;
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
