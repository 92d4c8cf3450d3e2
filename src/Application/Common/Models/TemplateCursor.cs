using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Messaging.Application.Common.Models;

/// <summary>
/// A keyset position in the template list, which is ordered by friendly name (ignoring case), language and SID. It
/// names the last template of a page by its sort key, not its place, so a catalogue read again between two pages
/// neither repeats nor skips the templates that stayed. Clients see an opaque base64url token.
/// </summary>
public sealed record TemplateCursor(string FriendlyName, string Language, string Sid)
{
    private const byte Version = 1;
    private const int SidLength = 34;
    private const int MaxTokenLength = 4096;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The list's order: friendly name ignoring case, then language, then the name exactly, then SID.</summary>
    public static int Compare(ContentTemplate template, TemplateCursor position)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(position);
        return Compare((template.FriendlyName, template.Language, template.Sid), (position.FriendlyName, position.Language, position.Sid));
    }

    public static int Compare(ContentTemplate x, ContentTemplate y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Compare((x.FriendlyName, x.Language, x.Sid), (y.FriendlyName, y.Language, y.Sid));
    }

    public static TemplateCursor After(ContentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new TemplateCursor(template.FriendlyName, template.Language, template.Sid);
    }

    public string Encode()
    {
        var name = Encoding.UTF8.GetBytes(FriendlyName);
        var language = Encoding.UTF8.GetBytes(Language);
        var bytes = new byte[1 + SidLength + 2 + language.Length + 2 + name.Length];
        var span = bytes.AsSpan();
        span[0] = Version;
        Encoding.ASCII.GetBytes(Sid, span[1..]);
        var at = 1 + SidLength;
        at = WriteField(span, at, language);
        WriteField(span, at, name);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a token made by <see cref="Encode"/>; anything else, including a forged token, is rejected.</summary>
    public static bool TryDecode(string? token, [NotNullWhen(true)] out TemplateCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token).AsSpan();
        if (bytes.Length < 1 + SidLength + 4 || bytes[0] != Version)
        {
            return false;
        }

        var sid = Encoding.ASCII.GetString(bytes.Slice(1, SidLength));
        var at = 1 + SidLength;
        if (!IsContentSid(sid)
            || !TryReadField(bytes, ref at, out var language)
            || !TryReadField(bytes, ref at, out var name)
            || at != bytes.Length)
        {
            return false;
        }

        cursor = new TemplateCursor(name, language, sid);
        return true;
    }

    private static int Compare((string Name, string Language, string Sid) x, (string Name, string Language, string Sid) y)
    {
        var order = StringComparer.OrdinalIgnoreCase.Compare(x.Name, y.Name);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.Language, y.Language);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Name, y.Name);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Sid, y.Sid);
    }

    private static int WriteField(Span<byte> bytes, int at, byte[] field)
    {
        BinaryPrimitives.WriteUInt16BigEndian(bytes[at..], checked((ushort)field.Length));
        field.CopyTo(bytes[(at + 2)..]);
        return at + 2 + field.Length;
    }

    private static bool TryReadField(ReadOnlySpan<byte> bytes, ref int at, [NotNullWhen(true)] out string? field)
    {
        field = null;
        if (bytes.Length - at < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        if (bytes.Length - at - 2 < length)
        {
            return false;
        }

        try
        {
            field = StrictUtf8.GetString(bytes.Slice(at + 2, length));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        at += 2 + length;
        return true;
    }

    private static bool IsContentSid(string sid) =>
        sid.StartsWith("HX", StringComparison.Ordinal) && !sid.AsSpan(2).ContainsAnyExcept(HexDigits);
}
