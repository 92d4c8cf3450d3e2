using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Net.Http.Headers;
using System.Text;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class EmulatorMediaTests : EmulatorFixture
{
    private protected override void Configure(TwilioEmulatorOptions options) => options.InboundWebhookUrl = Receiver.Url("inbound");

    [Test]
    public async Task Fetching_media_without_credentials_is_401()
    {
        var media = await SimulateAsync("image/png");

        using var response = await GetAsync(media, authorization: null);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Headers.Location, Is.Null);
        });
    }

    [Test]
    public async Task Fetching_media_with_a_wrong_token_is_401()
    {
        var media = await SimulateAsync("image/png");

        using var response = await GetAsync(media, Basic(Emulator.Options.AccountSid, "wrong"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Fetching_media_with_credentials_redirects_to_a_cdn_address_that_needs_none()
    {
        var media = await SimulateAsync("image/png");

        using var redirect = await GetAsync(media, Emulator.Auth);
        var cdn = redirect.Headers.Location!;
        using var file = await GetAsync(cdn, authorization: null);
        var bytes = await file.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
            Assert.That(cdn.IsAbsoluteUri, Is.True);
            Assert.That(cdn.AbsolutePath, Does.StartWith("/cdn/"));
            Assert.That(cdn.GetLeftPart(UriPartial.Authority), Is.EqualTo(Emulator.Server.BaseAddress.GetLeftPart(UriPartial.Authority)));
            Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(file.Content.Headers.ContentLength, Is.EqualTo(bytes.Length));
        });
        AssertValidPng(bytes);
    }

    [Test]
    public async Task A_pdf_medium_is_a_pdf_whose_cross_references_point_at_its_objects()
    {
        var bytes = await DownloadAsync(await SimulateAsync("application/pdf"), "application/pdf");

        var text = Encoding.ASCII.GetString(bytes);
        var xref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        var firstObject = int.Parse(text[xref..].Split('\n')[3][..10], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("%PDF-1.4\n"));
            Assert.That(text, Does.EndWith("%%EOF\n"));
            Assert.That(text[xref..], Does.StartWith("xref\n"));
            Assert.That(text[firstObject..], Does.StartWith("1 0 obj"));
        });
    }

    [Test]
    public async Task A_text_medium_is_served_as_text()
    {
        var bytes = await DownloadAsync(await SimulateAsync("text/plain"), "text/plain");

        Assert.That(Encoding.UTF8.GetString(bytes), Is.Not.Empty);
    }

    [Test]
    public async Task A_media_sid_under_another_message_is_404()
    {
        var media = await SimulateAsync("image/png");
        var other = await SimulateAsync("image/png");
        var mediaSid = media.Segments[^1];
        var crossed = new Uri(other, mediaSid);

        using var response = await GetAsync(crossed, Emulator.Auth);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_unknown_cdn_address_is_404()
    {
        using var response = await GetAsync(new Uri(Emulator.Server.BaseAddress, "cdn/" + Guid.NewGuid().ToString("N")), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_injected_outage_also_answers_media_fetches()
    {
        var media = await SimulateAsync("image/png");
        Emulator.Server.FailNextRequestsWith(503);

        using var failed = await GetAsync(media, Emulator.Auth);
        using var recovered = await GetAsync(media, Emulator.Auth);

        Assert.Multiple(() =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        });
    }

    /// <summary>Checks the PNG signature, every chunk's CRC and that the image data inflates to the declared pixels.</summary>
    private static void AssertValidPng(byte[] png)
    {
        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        var offset = 8;
        var chunks = new List<string>();
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.That(crc, Is.EqualTo(Crc32.HashToUInt32(png.AsSpan(offset + 4, 4 + length))), $"CRC of {type}");
            if (type == "IHDR")
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            chunks.Add(type);
            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Multiple(() =>
        {
            Assert.That(chunks, Is.EqualTo((string[])["IHDR", "IDAT", "IEND"]));
            Assert.That(inflated.Length, Is.EqualTo(height * (1 + (width * 3))));
            Assert.That(width, Is.Positive);
        });
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private async Task<Uri> SimulateAsync(string contentType) =>
        (await Emulator.Server.SimulateInboundAsync("+14155550123", mediaContentType: contentType)).MediaUrl!;

    private async Task<byte[]> DownloadAsync(Uri media, string contentType)
    {
        using var redirect = await GetAsync(media, Emulator.Auth);
        using var file = await GetAsync(redirect.Headers.Location!, null);
        Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        return await file.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(Uri url, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        return await Emulator.Http.SendAsync(request);
    }
}
