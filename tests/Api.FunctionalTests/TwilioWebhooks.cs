namespace Messaging.Api.FunctionalTests;

/// <summary>Posts webhooks the way Twilio does: form-encoded, signed over the URL the client calls.</summary>
public static class TwilioWebhooks
{
    public const string InboundPath = "/api/webhooks/twilio/inbound";
    public const string StatusPath = "/api/webhooks/twilio/status";
    public const string Customer = "whatsapp:+14155550123";

    public static Dictionary<string, string> Inbound(string sid, string body = "Where is my order?") => new()
    {
        ["MessageSid"] = sid,
        ["SmsMessageSid"] = sid,
        ["AccountSid"] = TwilioEmulatorDefaults.AccountSid,
        ["From"] = Customer,
        ["To"] = TwilioEmulatorDefaults.Sender,
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["ProfileName"] = "Ana",
        ["WaId"] = "14155550123",
        ["ApiVersion"] = "2010-04-01",
    };

    public static Dictionary<string, string> Status(string sid, string status) => new()
    {
        ["MessageSid"] = sid,
        ["SmsSid"] = sid,
        ["MessageStatus"] = status,
        ["SmsStatus"] = status,
        ["AccountSid"] = TwilioEmulatorDefaults.AccountSid,
        ["From"] = TwilioEmulatorDefaults.Sender,
        ["To"] = Customer,
        ["ChannelPrefix"] = "whatsapp",
        ["ApiVersion"] = "2010-04-01",
    };

    public static string NewSid(string prefix = "SM") => prefix + Guid.NewGuid().ToString("N");

    /// <summary>Signs with the emulator's token over <paramref name="signedUrl"/>, by default the URL the client posts to.</summary>
    public static Task<HttpResponseMessage> PostSigned(
        this HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string? signedUrl = null, string authToken = TwilioEmulatorDefaults.AuthToken)
    {
        var url = signedUrl ?? new Uri(client.BaseAddress!, path).AbsoluteUri;
        return client.PostWithSignature(path, fields, TwilioSignature.Compute(authToken, url, fields));
    }

    public static async Task<HttpResponseMessage> PostWithSignature(
        this HttpClient client, string path, IReadOnlyDictionary<string, string> fields, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await client.SendAsync(request);
    }
}
