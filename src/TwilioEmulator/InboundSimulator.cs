using System.Text.RegularExpressions;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Plays a customer writing in: makes up the message (and its medium), opens the customer's service window and posts
/// the signed webhook Twilio would post for it.
/// </summary>
internal sealed partial class InboundSimulator(EmulatorState state, MediaStore media, CallbackDispatcher dispatcher)
{
    /// <summary>Checks and normalises the customer's address to <c>whatsapp:+E164</c>; null when it is not one.</summary>
    public static string? NormaliseFrom(string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return null;
        }

        var number = TwilioTestNumbers.Number(from.Trim());
        return E164().IsMatch(number) ? "whatsapp:" + number : null;
    }

    public async Task<SimulatedInbound> SimulateAsync(
        string from,
        string? body,
        string? mediaContentType,
        string? profileName,
        CancellationToken cancellationToken)
    {
        var webhookUrl = state.InboundWebhookUrl
            ?? throw new InvalidOperationException("No inbound webhook URL is set on the emulator; set InboundWebhookUrl first.");
        var baseAddress = state.BaseAddress ?? throw new InvalidOperationException("The emulator has not started.");
        var customer = NormaliseFrom(from) ?? throw new ArgumentException($"Not a WhatsApp number: '{from}'.", nameof(from));
        if (mediaContentType is not null && !SampleMedia.IsSupported(mediaContentType))
        {
            throw new ArgumentException($"The emulator cannot make a '{mediaContentType}' medium.", nameof(mediaContentType));
        }

        var number = TwilioTestNumbers.Number(customer);
        var sid = TwilioSids.New(mediaContentType is null ? "SM" : "MM");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("SmsMessageSid", sid),
            new("NumMedia", mediaContentType is null ? "0" : "1"),
        };
        if (!string.IsNullOrWhiteSpace(profileName))
        {
            fields.Add(new("ProfileName", profileName));
        }

        fields.Add(new("MessageType", MessageType(mediaContentType)));
        fields.Add(new("SmsSid", sid));
        fields.Add(new("WaId", number[1..]));
        fields.Add(new("SmsStatus", "received"));
        fields.Add(new("Body", body ?? string.Empty));
        fields.Add(new("To", state.Sender));
        fields.Add(new("NumSegments", "1"));
        fields.Add(new("ReferralNumMedia", "0"));
        fields.Add(new("MessageSid", sid));
        fields.Add(new("AccountSid", state.AccountSid));
        fields.Add(new("From", customer));

        Uri? mediaUrl = null;
        if (mediaContentType is not null)
        {
            var medium = media.Add(sid, mediaContentType);
            mediaUrl = new Uri(baseAddress, $"{TwilioJson.ApiVersion}/Accounts/{state.AccountSid}/Messages/{sid}/Media/{medium.Sid}");
            fields.Add(new("MediaContentType0", mediaContentType));
            fields.Add(new("MediaUrl0", mediaUrl.AbsoluteUri));
        }

        fields.Add(new("ChannelPrefix", "whatsapp"));
        fields.Add(new("ApiVersion", TwilioJson.ApiVersion));

        // The customer wrote whether or not our webhook receives it: the window opens now.
        state.RecordInbound(number, state.TimeProvider.GetUtcNow());
        var webhook = await dispatcher.PostAsync(webhookUrl, CallbackKind.Inbound, fields, cancellationToken);
        return new SimulatedInbound
        {
            MessageSid = sid,
            From = customer,
            To = state.Sender,
            Body = body,
            MediaUrl = mediaUrl,
            MediaContentType = mediaContentType,
            Webhook = webhook,
        };
    }

    private static string MessageType(string? contentType) => contentType switch
    {
        null => "text",
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => "image",
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => "video",
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => "audio",
        _ => "document",
    };

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
