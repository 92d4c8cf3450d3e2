namespace Messaging.TwilioEmulator;

/// <summary>Which requests an injected fault waits for.</summary>
public enum TwilioFaultTarget
{
    /// <summary>Only message creates: <c>POST …/Messages.json</c>.</summary>
    MessageCreates,

    /// <summary>Any request to Twilio's REST API (messages, media, content); not the media CDN or <c>/emulator/*</c>.</summary>
    AnyRequest,
}
