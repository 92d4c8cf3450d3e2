using System.Buffers.Binary;
using System.Buffers.Text;

namespace Messaging.Application.Webhooks;

/// <summary>A position in a subscription's deliveries, newest first: an opaque base64url token to clients.</summary>
public static class WebhookDeliveryCursor
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long);
    private const int MaxTokenLength = 32;

    /// <summary>The cursor of the page that follows the delivery of the event at <paramref name="position"/>.</summary>
    public static string After(long position)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a token made by <see cref="After"/>; anything else is rejected.</summary>
    public static bool TryDecode(string? token, out long position)
    {
        position = 0;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxTokenLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        position = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        return position > 0;
    }
}
