using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed partial class InboundSimulationTests : EmulatorFixture
{
    private protected override void Configure(TwilioEmulatorOptions options) => options.InboundWebhookUrl = Receiver.Url("api/webhooks/twilio/inbound");

    [Test]
    public async Task A_text_message_is_posted_signed_with_Twilio_inbound_fields()
    {
        var result = await Emulator.Server.SimulateInboundAsync("+14155550123", "Hi there", profileName: "Ana Souza");

        var request = (await Receiver.WaitForAsync(1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Url, Is.EqualTo(Receiver.Url("api/webhooks/twilio/inbound")));
            Assert.That(request.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(request.IsValidlySignedWith(Emulator.Options.AuthToken), Is.True);
            Assert.That(result.MessageSid, Does.Match(Sid("SM")));
            Assert.That(request.Field("MessageSid"), Is.EqualTo(result.MessageSid));
            Assert.That(request.Field("SmsMessageSid"), Is.EqualTo(result.MessageSid));
            Assert.That(request.Field("SmsSid"), Is.EqualTo(result.MessageSid));
            Assert.That(request.Field("AccountSid"), Is.EqualTo(Emulator.Options.AccountSid));
            Assert.That(request.Field("From"), Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(request.Field("To"), Is.EqualTo(TwilioEmulatorDefaults.Sender));
            Assert.That(request.Field("Body"), Is.EqualTo("Hi there"));
            Assert.That(request.Field("NumMedia"), Is.EqualTo("0"));
            Assert.That(request.Field("MediaUrl0"), Is.Null);
            Assert.That(request.Field("ProfileName"), Is.EqualTo("Ana Souza"));
            Assert.That(request.Field("WaId"), Is.EqualTo("14155550123"));
            Assert.That(request.Field("ApiVersion"), Is.EqualTo("2010-04-01"));
            Assert.That(request.Field("NumSegments"), Is.EqualTo("1"));
            Assert.That(request.Field("SmsStatus"), Is.EqualTo("received"));
            Assert.That(request.Field("ChannelPrefix"), Is.EqualTo("whatsapp"));
            Assert.That(result.Webhook.StatusCode, Is.EqualTo(200));
            Assert.That(Emulator.Server.Callbacks.Single().Kind, Is.EqualTo(CallbackKind.Inbound));
        });
    }

    [Test]
    public async Task A_message_with_media_has_an_MM_sid_and_a_media_url_on_the_emulator()
    {
        var result = await Emulator.Server.SimulateInboundAsync("whatsapp:+14155550123", mediaContentType: "image/png");

        var request = (await Receiver.WaitForAsync(1)).Single();
        var mediaPath = $"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages/{result.MessageSid}/Media/";
        Assert.Multiple(() =>
        {
            Assert.That(result.MessageSid, Does.Match(Sid("MM")));
            Assert.That(request.Field("NumMedia"), Is.EqualTo("1"));
            Assert.That(request.Field("MediaContentType0"), Is.EqualTo("image/png"));
            Assert.That(request.Field("MediaUrl0"), Is.EqualTo(result.MediaUrl!.AbsoluteUri));
            Assert.That(result.MediaUrl.GetLeftPart(UriPartial.Authority), Is.EqualTo(Emulator.Server.BaseAddress.GetLeftPart(UriPartial.Authority)));
            Assert.That(result.MediaUrl.AbsolutePath, Does.StartWith(mediaPath));
            Assert.That(result.MediaUrl.AbsolutePath[mediaPath.Length..], Does.Match(Sid("ME")));
            Assert.That(request.Field("Body"), Is.Empty);
            Assert.That(request.IsValidlySignedWith(Emulator.Options.AuthToken), Is.True);
        });
    }

    [Test]
    public async Task The_endpoint_takes_JSON_and_answers_the_sid_and_the_webhook_status()
    {
        Receiver.AnswerStatus = 204;

        using var response = await Emulator.Http.PostAsJsonAsync(
            "emulator/inbound", new { from = "+14155550123", body = "Hello", media = "application/pdf", profileName = "Ana" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var request = (await Receiver.WaitForAsync(1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("messageSid").GetString(), Is.EqualTo(request.Field("MessageSid")));
            Assert.That(json.GetProperty("webhookStatus").GetInt32(), Is.EqualTo(204));
            Assert.That(json.GetProperty("mediaUrl").GetString(), Is.EqualTo(request.Field("MediaUrl0")));
            Assert.That(request.Field("MediaContentType0"), Is.EqualTo("application/pdf"));
            Assert.That(request.Field("ProfileName"), Is.EqualTo("Ana"));
            Assert.That(request.Field("Body"), Is.EqualTo("Hello"));
        });
    }

    [Test]
    public async Task The_endpoint_takes_a_form_where_media_true_means_a_png()
    {
        using var response = await Emulator.Http.PostAsync(
            "emulator/inbound",
            new FormUrlEncodedContent([new("from", "whatsapp:+14155550123"), new("media", "true")]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var request = (await Receiver.WaitForAsync(1)).Single();
        Assert.That(request.Field("MediaContentType0"), Is.EqualTo("image/png"));
    }

    [Test]
    public async Task Without_a_webhook_url_the_endpoint_answers_409_and_the_method_throws()
    {
        Emulator.Server.InboundWebhookUrl = null;

        using var response = await Emulator.Http.PostAsJsonAsync("emulator/inbound", new { from = "+14155550123", body = "Hi" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(
                async () => await Emulator.Server.SimulateInboundAsync("+14155550123", "Hi"),
                Throws.InvalidOperationException);
        });
    }

    [TestCase("""{"body":"no sender"}""")]
    [TestCase("""{"from":"14155550123","body":"no plus"}""")]
    [TestCase("""{"from":"+0123456789","body":"leading zero"}""")]
    [TestCase("""{"from":"+14155550123"}""")]
    [TestCase("""{"from":"+14155550123","media":"video/x-unknown"}""")]
    [TestCase("""{"from":"+14155550123","media":12}""")]
    [TestCase("""["not an object"]""")]
    [TestCase("""{"from":""")]
    public async Task Bad_input_is_a_400_problem_and_posts_nothing(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await Emulator.Http.PostAsync("emulator/inbound", content);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Emulator.Server.Callbacks, Is.Empty);
        });
    }

    [Test]
    public async Task A_webhook_receiver_that_is_down_is_reported_not_thrown()
    {
        Emulator.Server.InboundWebhookUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Unused()}/inbound");

        var result = await Emulator.Server.SimulateInboundAsync("+14155550123", "Hi");

        Assert.Multiple(() =>
        {
            Assert.That(result.Webhook.StatusCode, Is.Null);
            Assert.That(result.Webhook.Error, Is.Not.Empty);
            Assert.That(result.Webhook.Succeeded, Is.False);
        });
    }

    private static Regex Sid(string prefix) => new($"^{prefix}[0-9a-f]{{32}}$");
}
