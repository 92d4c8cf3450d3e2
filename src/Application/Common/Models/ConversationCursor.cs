using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Messaging.Application.Common.Models;

/// <summary>
/// A keyset position (LastActivityAt, Contact) in the conversation list. Clients see it only as an opaque base64url
/// token, so the encoding can change.
/// </summary>
public sealed record ConversationCursor(DateTimeOffset LastActivityAt, string Contact)
{
    private const byte Version = 1;
    // Version, ticks, and the contact's length, so a truncated token is refused rather than read as another contact.
    private const int HeaderLength = 1 + sizeof(long) + 1;

    private static readonly int MaxContactLength = WhatsAppAddress.Prefix.Length + 1 + WhatsAppAddress.MaxDigits;
    private const int MaxTokenLength = 64;

    public static ConversationCursor After(ConversationSummary conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new ConversationCursor(conversation.LastActivityAt, conversation.Contact);
    }

    public string Encode()
    {
        var contact = Encoding.ASCII.GetBytes(Contact);
        var bytes = new byte[HeaderLength + contact.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), LastActivityAt.UtcTicks);
        bytes[HeaderLength - 1] = checked((byte)contact.Length);
        contact.CopyTo(bytes.AsSpan(HeaderLength));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a token made by <see cref="Encode"/>; anything else, including a forged token, is rejected.</summary>
    public static bool TryDecode(string? token, [NotNullWhen(true)] out ConversationCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxTokenLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written)
            || written <= HeaderLength
            || written > HeaderLength + MaxContactLength
            || bytes[0] != Version
            || bytes[HeaderLength - 1] != written - HeaderLength)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        // Only the canonical shape the API ever issues.
        var contact = Encoding.ASCII.GetString(bytes[HeaderLength..written]);
        if (!WhatsAppAddress.IsCanonical(contact))
        {
            return false;
        }

        cursor = new ConversationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), contact);
        return true;
    }
}
