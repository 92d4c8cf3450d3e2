using System.Net.Http.Headers;
using System.Text;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>Raw HTTP calls to an emulator, written the way Twilio's API expects them.</summary>
internal static class EmulatorHttp
{
    public static AuthenticationHeaderValue Basic(string accountSid, string authToken) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}")));

    public static string MessagesPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Messages.json";

    public static async Task<HttpResponseMessage> PostMessageAsync(
        HttpClient client,
        string accountSid,
        AuthenticationHeaderValue? authorization,
        params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesPath(accountSid))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
