using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Serves media as Twilio does: the Media resource's address needs the account's credentials and answers with a
/// temporary redirect to an unauthenticated, unguessable CDN address that serves the bytes.
/// </summary>
internal sealed class MediaApi(MediaStore store, ApiGuard guard)
{
    public const string CdnPathPrefix = "/cdn/";

    public async Task FetchAsync(HttpContext context)
    {
        if (await guard.RefuseAsync(context))
        {
            return;
        }

        var messageSid = context.Request.RouteValues["messageSid"] as string;
        var mediaSid = context.Request.RouteValues["mediaSid"] as string;
        if (mediaSid is null || !store.TryGet(mediaSid, out var media) || media.MessageSid != messageSid)
        {
            await TwilioJson.WriteErrorAsync(context, MessagesApi.NotFound(context.Request.Path));
            return;
        }

        var request = context.Request;
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = $"{request.Scheme}://{request.Host}{CdnPathPrefix}{media.CdnToken}";
    }

    public async Task CdnAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"] as string;
        if (token is null || !store.TryGetByCdnToken(token, out var media))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = media.ContentType;
        context.Response.ContentLength = media.Content.Length;
        await context.Response.Body.WriteAsync(media.Content, context.RequestAborted);
    }
}
