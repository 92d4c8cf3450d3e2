using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>
/// The read side of Twilio's Content API v1 (content.twilio.com): the templates, paged, with or without their WhatsApp
/// approval; one template; one template's approval request.
/// </summary>
internal sealed class ContentApi(EmulatorState state, ApiGuard guard)
{
    public const string ListPath = "/v1/Content";
    public const string ListWithApprovalsPath = "/v1/ContentAndApprovals";
    public const string FetchPattern = "/v1/Content/{contentSid}";
    public const string ApprovalPattern = "/v1/Content/{contentSid}/ApprovalRequests";

    public Task ListAsync(HttpContext context) =>
        ListAsync(context, (template, origin) => ContentJson.Content(template, state.AccountSid, origin));

    public Task ListWithApprovalsAsync(HttpContext context) =>
        ListAsync(context, (template, _) => ContentJson.ContentAndApprovals(template, state.AccountSid));

    public Task FetchAsync(HttpContext context) =>
        FetchAsync(context, (template, origin) => ContentJson.Content(template, state.AccountSid, origin));

    public Task FetchApprovalAsync(HttpContext context) =>
        FetchAsync(context, (template, origin) => ContentJson.ApprovalFetch(template, state.AccountSid, origin));

    private async Task ListAsync(HttpContext context, Func<ContentTemplate, string, object> toJson)
    {
        if (await guard.RefuseAsync(context))
        {
            return;
        }

        var paging = PageRequest.Read(context.Request.Query, out var pagingError);
        TwilioError? tokenError = null;
        var page = paging?.Slice(state.Content.Templates, t => t.Sid, out tokenError);
        if (paging is null || page is null)
        {
            await TwilioJson.WriteErrorAsync(context, (pagingError ?? tokenError)!);
            return;
        }

        var origin = Origin(context.Request);
        var contents = page.Items.Select(template => toJson(template, origin)).ToArray();
        await TwilioJson.WriteAsync(
            context,
            StatusCodes.Status200OK,
            ContentJson.Page(contents, paging, page, origin + context.Request.Path.Value));
    }

    private async Task FetchAsync(HttpContext context, Func<ContentTemplate, string, object> toJson)
    {
        if (await guard.RefuseAsync(context))
        {
            return;
        }

        if (context.Request.RouteValues["contentSid"] is not string sid || !state.Content.TryGet(sid, out var template))
        {
            await TwilioJson.WriteErrorAsync(context, MessagesApi.NotFound(context.Request.Path));
            return;
        }

        await TwilioJson.WriteAsync(context, StatusCodes.Status200OK, toJson(template, Origin(context.Request)));
    }

    // Twilio's URLs name its own host; the emulator's name the host the request came to, so a client that follows
    // them stays on the emulator.
    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
