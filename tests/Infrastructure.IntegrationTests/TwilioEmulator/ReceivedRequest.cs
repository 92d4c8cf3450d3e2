using Twilio.Security;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
internal sealed record ReceivedRequest(
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string? Field(string name) =>
        Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public string? Signature => Headers.TryGetValue("X-Twilio-Signature", out var value) ? value : null;

    /// <summary>Checks the signature the way a receiver using Twilio's SDK does.</summary>
    public bool IsValidlySignedWith(string authToken) =>
        Signature is { } signature
        && new RequestValidator(authToken).Validate(Url.AbsoluteUri, Fields.ToDictionary(f => f.Key, f => f.Value), signature);
}
