using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>Writes Twilio's wire formats: snake_case JSON and RFC 1123 dates in GMT.</summary>
internal static class TwilioJson
{
    public const string ApiVersion = "2010-04-01";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string FormatDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string MessageUri(string accountSid, string sid) =>
        $"/{ApiVersion}/Accounts/{accountSid}/Messages/{sid}.json";

    public static MessageResourceJson ToJson(EmulatedMessage message) => new()
    {
        AccountSid = message.AccountSid,
        ApiVersion = ApiVersion,
        Body = message.Body ?? string.Empty,
        DateCreated = FormatDate(message.DateCreated),
        DateSent = message.DateSent is { } sent ? FormatDate(sent) : null,
        DateUpdated = FormatDate(message.DateUpdated),
        Direction = "outbound-api",
        ErrorCode = message.ErrorCode,
        ErrorMessage = message.ErrorMessage,
        From = message.From,
        NumMedia = message.MediaUrls.Count.ToString(CultureInfo.InvariantCulture),
        // WhatsApp does not split messages into SMS segments; Twilio reports one.
        NumSegments = "1",
        PriceUnit = "USD",
        Sid = message.Sid,
        Status = message.Status,
        SubresourceUris = new Dictionary<string, string>
        {
            ["media"] = $"/{ApiVersion}/Accounts/{message.AccountSid}/Messages/{message.Sid}/Media.json",
        },
        To = message.To,
        Uri = MessageUri(message.AccountSid, message.Sid),
    };

    public static Task WriteAsync<T>(HttpContext context, int statusCode, T value)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(value, Options, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, TwilioError error) =>
        WriteAsync(context, error.Status, error);
}
