using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Messaging.TwilioEmulator;

/// <summary>The Messages endpoints of Twilio's 2010-04-01 REST API: create, fetch and list.</summary>
internal sealed class MessagesApi(EmulatorState state, ApiGuard guard, MessageLifecycle lifecycle)
{
    private const int MaxBodyLength = 1600;

    public async Task CreateAsync(HttpContext context)
    {
        if (await guard.RefuseAsync(context))
        {
            return;
        }

        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : FormCollection.Empty;
        var to = Single(form, "To");
        var from = Single(form, "From");
        var body = Single(form, "Body");
        var mediaUrls = form["MediaUrl"].Where(url => !string.IsNullOrWhiteSpace(url)).Select(url => url!).ToArray();
        var contentSid = Single(form, "ContentSid");
        var contentVariables = Single(form, "ContentVariables");
        var statusCallback = Single(form, "StatusCallback");

        var error = Validate(to, from, body, mediaUrls, contentSid, contentVariables, statusCallback);
        if (error is null && contentSid is not null)
        {
            // Twilio shows a template message with the text it rendered, whatever Body was posted beside it.
            if (state.Content.TryGet(contentSid, out var template))
            {
                body = ContentCatalogue.TryRender(template, contentVariables, out error);
            }
            else
            {
                error = ContentCatalogue.InvalidSid;
            }
        }

        error ??= TwilioTestNumbers.ErrorFor(to!, from!);
        if (error is not null)
        {
            await TwilioJson.WriteErrorAsync(context, error);
            return;
        }

        var now = state.TimeProvider.GetUtcNow();
        var message = new EmulatedMessage
        {
            Sid = "SM" + Guid.NewGuid().ToString("N"),
            AccountSid = state.AccountSid,
            To = to!,
            From = from!,
            Body = body,
            MediaUrls = mediaUrls,
            ContentSid = contentSid,
            ContentVariables = contentVariables,
            StatusCallback = statusCallback is null ? null : new Uri(statusCallback),
            Status = "queued",
            DateCreated = now,
            DateUpdated = now,
        };
        state.Add(message);
        lifecycle.Start(message);
        await TwilioJson.WriteAsync(context, StatusCodes.Status201Created, TwilioJson.ToJson(message));
    }

    public async Task FetchAsync(HttpContext context)
    {
        if (await guard.RefuseAsync(context))
        {
            return;
        }

        var sid = context.Request.RouteValues["messageSid"] as string;
        if (sid is null || !state.TryGet(sid, out var message))
        {
            await TwilioJson.WriteErrorAsync(context, NotFound(context.Request.Path));
            return;
        }

        await TwilioJson.WriteAsync(context, StatusCodes.Status200OK, TwilioJson.ToJson(message));
    }

    /// <summary>The account's messages, newest first, filtered and paged as Twilio's list is.</summary>
    public async Task ListAsync(HttpContext context)
    {
        if (await guard.RefuseAsync(context))
        {
            return;
        }

        var query = context.Request.Query;
        var filter = MessageListFilter.Read(query, out var filterError);
        var paging = PageRequest.Read(query, out var pagingError);
        if (filter is null || paging is null)
        {
            await TwilioJson.WriteErrorAsync(context, (filterError ?? pagingError)!);
            return;
        }

        var page = paging.Slice([.. state.Messages.Reverse().Where(filter.Matches)], m => m.Sid, out var tokenError);
        if (page is null)
        {
            await TwilioJson.WriteErrorAsync(context, tokenError!);
            return;
        }

        var path = context.Request.Path.Value;
        string PageUri(int index, string? token) =>
            $"{path}?{(filter.Query.Length == 0 ? string.Empty : filter.Query + "&")}PageSize={paging.PageSize}&Page={index}"
            + (token is null ? string.Empty : $"&PageToken={Uri.EscapeDataString(token)}");

        var start = paging.Page * paging.PageSize;
        await TwilioJson.WriteAsync(context, StatusCodes.Status200OK, new MessageListJson
        {
            Messages = [.. page.Items.Select(TwilioJson.ToJson)],
            Page = paging.Page,
            PageSize = paging.PageSize,
            Start = start,
            End = page.Items.Count == 0 ? start : start + page.Items.Count - 1,
            Uri = PageUri(paging.Page, paging.Token),
            FirstPageUri = PageUri(0, null),
            NextPageUri = page.HasNext ? PageUri(paging.Page + 1, "PA" + page.Items[^1].Sid) : null,
            PreviousPageUri = page.HasPrevious ? PageUri(Math.Max(0, paging.Page - 1), "PB" + page.Items[0].Sid) : null,
        });
    }

    public static TwilioError NotFound(PathString path) =>
        TwilioError.Of(StatusCodes.Status404NotFound, 20404, $"The requested resource {path} was not found");

    private static TwilioError? Validate(
        string? to,
        string? from,
        string? body,
        string[] mediaUrls,
        string? contentSid,
        string? contentVariables,
        string? statusCallback)
    {
        if (to is null)
        {
            return TwilioError.Of(400, 21604, "A 'To' phone number is required.");
        }

        if (from is null)
        {
            return TwilioError.Of(400, 21603, "A 'From' phone number is required.");
        }

        if (body is null && mediaUrls.Length == 0 && contentSid is null)
        {
            return TwilioError.Of(400, 21619, "A text message body or media urls must be specified.");
        }

        if (body is { Length: > MaxBodyLength })
        {
            return TwilioError.Of(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        if (mediaUrls.Any(url => !IsHttpUrl(url)))
        {
            return TwilioError.Of(400, 21620, "Invalid media URL(s).");
        }

        if (statusCallback is not null && !IsHttpUrl(statusCallback))
        {
            return TwilioError.Of(400, 21609, $"The StatusCallback URL {statusCallback} is not a valid URL.");
        }

        if (contentVariables is not null && !IsJsonObject(contentVariables))
        {
            return ContentCatalogue.InvalidVariables;
        }

        return null;
    }

    private static string? Single(IFormCollection form, string name)
    {
        StringValues values = form[name];
        var value = values.Count == 0 ? null : values[^1];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsJsonObject(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
