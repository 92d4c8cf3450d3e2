using System.Globalization;

namespace Messaging.TwilioEmulator;

/// <summary>
/// The Content API's wire shapes (content.twilio.com/v1): ISO 8601 dates, snake_case names, content types keyed by their
/// name (<c>twilio/text</c>…), absolute URLs on the host the request came to.
/// </summary>
internal static class ContentJson
{
    public static ContentResourceJson Content(ContentTemplate template, string accountSid, string origin) =>
        Resource(template, accountSid) with
        {
            Url = $"{origin}/v1/Content/{template.Sid}",
            Links = new Dictionary<string, string>
            {
                ["approval_create"] = $"{origin}/v1/Content/{template.Sid}/ApprovalRequests/whatsapp",
                ["approval_fetch"] = ApprovalUrl(template, origin),
            },
        };

    public static ContentResourceJson ContentAndApprovals(ContentTemplate template, string accountSid) =>
        Resource(template, accountSid) with { ApprovalRequests = Approval(template) };

    public static object ApprovalFetch(ContentTemplate template, string accountSid, string origin)
    {
        var approval = Approval(template);
        return new
        {
            template.Sid,
            AccountSid = accountSid,
            Whatsapp = new
            {
                Type = "whatsapp",
                approval.Name,
                approval.Category,
                approval.ContentType,
                approval.Status,
                approval.RejectionReason,
                approval.AllowCategoryChange,
                Flows = (object?)null,
            },
            Url = ApprovalUrl(template, origin),
        };
    }

    public static object Page(IReadOnlyList<object> contents, PageRequest paging, PageSlice<ContentTemplate> page, string listUrl)
    {
        string PageUrl(int index, string? token) =>
            $"{listUrl}?PageSize={paging.PageSize}&Page={index}" + (token is null ? string.Empty : $"&PageToken={Uri.EscapeDataString(token)}");

        return new
        {
            Contents = contents,
            Meta = new
            {
                paging.Page,
                paging.PageSize,
                FirstPageUrl = PageUrl(0, null),
                PreviousPageUrl = page.HasPrevious ? PageUrl(Math.Max(0, paging.Page - 1), "PB" + page.Items[0].Sid) : null,
                Url = PageUrl(paging.Page, paging.Token),
                NextPageUrl = page.HasNext ? PageUrl(paging.Page + 1, "PA" + page.Items[^1].Sid) : null,
                Key = "contents",
            },
        };
    }

    private static ContentResourceJson Resource(ContentTemplate template, string accountSid) => new()
    {
        DateCreated = Date(template.DateCreated!.Value),
        DateUpdated = Date(template.DateUpdated!.Value),
        Sid = template.Sid,
        AccountSid = accountSid,
        FriendlyName = template.FriendlyName,
        Language = template.Language,
        Variables = template.Variables,
        Types = Types(template),
    };

    private static string ApprovalUrl(ContentTemplate template, string origin) => $"{origin}/v1/Content/{template.Sid}/ApprovalRequests";

    private static ApprovalJson Approval(ContentTemplate template)
    {
        var approval = template.Approval;
        // A template never submitted has no request yet: Twilio leaves its fields empty.
        return approval.Status == WhatsAppApprovalStatus.Unsubmitted
            ? new ApprovalJson(string.Empty, string.Empty, string.Empty, approval.Status, string.Empty, approval.AllowCategoryChange)
            : new ApprovalJson(
                approval.Name ?? template.FriendlyName,
                approval.Category,
                template.ContentType,
                approval.Status,
                approval.RejectionReason,
                approval.AllowCategoryChange);
    }

    private static Dictionary<string, object> Types(ContentTemplate template)
    {
        object content = template.ContentType switch
        {
            "twilio/media" => new { template.Body, template.Media },
            "twilio/quick-reply" or "twilio/call-to-action" => new { template.Body, Actions = template.Actions.Select(Action).ToArray() },
            _ => new { template.Body },
        };
        return new Dictionary<string, object> { [template.ContentType] = content };
    }

    private static Dictionary<string, string> Action(ContentAction action)
    {
        var json = new Dictionary<string, string> { ["type"] = action.Type, ["title"] = action.Title };
        AddIfSet(json, "id", action.Id);
        AddIfSet(json, "url", action.Url);
        AddIfSet(json, "phone", action.Phone);
        return json;
    }

    private static void AddIfSet(Dictionary<string, string> json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
