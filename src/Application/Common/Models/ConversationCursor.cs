using System.Buffers.Binary;
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

    // "whatsapp:+" and at most 15 digits.
    private const int MaxContactLength = 25;
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
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a token made by <see cref="Encode"/>; anything else, including a forged token, is rejected.</summary>
    public static bool TryDecode(string? token, [NotNullWhen(true)] out ConversationCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return false;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[MaxTokenLength];
        if (!Convert.TryFromBase64String(base64, bytes, out var written)
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

        var contact = bytes[HeaderLength..written];
        if (!IsAddressShape(contact))
        {
            return false;
        }

        cursor = new ConversationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), Encoding.ASCII.GetString(contact));
        return true;
    }

    // Only the canonical shape the API ever issues: "whatsapp:+" then 8 to 15 digits, the first not 0.
    private static bool IsAddressShape(ReadOnlySpan<byte> contact)
    {
        var prefix = "whatsapp:+"u8;
        if (!contact.StartsWith(prefix))
        {
            return false;
        }

        var digits = contact[prefix.Length..];
        if (digits.Length is < 8 or > 15 || digits[0] == (byte)'0')
        {
            return false;
        }

        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return false;
            }
        }

        return true;
    }
}
