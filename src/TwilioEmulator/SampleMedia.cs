using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Messaging.TwilioEmulator;

/// <summary>
/// Small but real files for simulated customer media, so whatever displays them (a browser, an image decoder) gets a
/// file of the type it was told.
/// </summary>
internal static class SampleMedia
{
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";
    public const string Text = "text/plain";

    /// <summary>The content types <see cref="For"/> can produce: PNG, PDF and any <c>text/*</c>.</summary>
    public static bool IsSupported(string contentType) =>
        contentType is Png or Pdf || contentType.StartsWith("text/", StringComparison.Ordinal);

    public static byte[] For(string contentType) => contentType switch
    {
        Png => CreatePng(),
        Pdf => CreatePdf(),
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) =>
            Encoding.UTF8.GetBytes("A file a customer sent through the Twilio emulator.\n"),
        _ => throw new ArgumentException($"The emulator cannot make a '{contentType}' file.", nameof(contentType)),
    };

    /// <summary>A 2×2 RGB image: signature, IHDR, one zlib-compressed IDAT and IEND, each chunk with its CRC.</summary>
    private static byte[] CreatePng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(0), 2);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 2);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour
        WriteChunk(png, "IHDR", header);

        // Each scanline starts with filter type 0, then three bytes per pixel.
        byte[] pixels = [0, 0x25, 0xD3, 0x66, 0x12, 0x8C, 0x7E, 0, 0xF4, 0xF4, 0xF4, 0x25, 0xD3, 0x66];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(pixels);
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }

    /// <summary>A one-page PDF saying where it came from, with a correct cross-reference table.</summary>
    private static byte[] CreatePdf()
    {
        const string Stream = "BT /F1 12 Tf 72 720 Td (Sent through the Twilio emulator) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Stream.Length} >>\nstream\n{Stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
