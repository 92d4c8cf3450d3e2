using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Messaging.TwilioEmulator;

/// <summary>The media of simulated inbound messages, by media SID and by CDN token.</summary>
internal sealed class MediaStore
{
    private readonly ConcurrentDictionary<string, EmulatedMedia> _bySid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedMedia> _byCdnToken = new(StringComparer.Ordinal);

    public EmulatedMedia Add(string messageSid, string contentType)
    {
        // Unguessable, like the signed CDN addresses Twilio redirects to: knowing one address reveals no other.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var media = new EmulatedMedia(TwilioSids.New("ME"), messageSid, contentType, SampleMedia.For(contentType), token);
        _bySid[media.Sid] = media;
        _byCdnToken[token] = media;
        return media;
    }

    public bool TryGet(string mediaSid, [NotNullWhen(true)] out EmulatedMedia? media) => _bySid.TryGetValue(mediaSid, out media);

    public bool TryGetByCdnToken(string token, [NotNullWhen(true)] out EmulatedMedia? media) =>
        _byCdnToken.TryGetValue(token, out media);
}
