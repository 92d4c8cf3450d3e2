using System.Text;

namespace Messaging.LoadTest;

/// <summary>HTTP/1.1 requests as the bytes sent on the wire, prepared before a run so that sending costs nothing.</summary>
internal static class RawHttp
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static byte[] Get(Uri url, string? apiKey) =>
        Build("GET", url, apiKey is null ? [] : [(ApiKeyHeader, apiKey)], contentType: null, body: null);

    public static byte[] PostJson(Uri url, string json, IEnumerable<(string Name, string Value)> headers) =>
        Build("POST", url, headers, "application/json", json);

    /// <summary>A form post signed as Twilio signs its webhooks, over <paramref name="url"/> exactly as sent.</summary>
    public static byte[] PostSignedForm(Uri url, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        Build(
            "POST",
            url,
            [(TwilioForms.SignatureHeader, TwilioForms.Sign(url, fields))],
            "application/x-www-form-urlencoded",
            string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));

    private static byte[] Build(
        string method,
        Uri url,
        IEnumerable<(string Name, string Value)> headers,
        string? contentType,
        string? body)
    {
        var text = new StringBuilder()
            .Append(method).Append(' ').Append(url.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(url.Authority).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var bodyBytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (contentType is not null)
        {
            text.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        if (body is not null)
        {
            text.Append("Content-Length: ").Append(bodyBytes.Length).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(text.ToString()), .. bodyBytes];
    }
}
