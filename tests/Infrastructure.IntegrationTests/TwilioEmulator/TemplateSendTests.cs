using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class TemplateSendTests : WebhookReceiverFixture
{
    private const string Customer = "whatsapp:+14155550123";

    [Test]
    public async Task An_approved_template_reaches_a_closed_window_with_its_text_rendered()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var sent = await SendAsync(sdk, SampleContentTemplates.AppointmentReminder, """{"1":"Ana","2":"Friday at 10am"}""");

        await emulator.WaitForStatusAsync(sent.Sid, "read");
        const string Rendered = "Hi Ana, this is a reminder of your appointment on Friday at 10am. Reply to this message if you need to change it.";
        Assert.Multiple(() =>
        {
            Assert.That(sent.Body, Is.EqualTo(Rendered));
            Assert.That(emulator.Server.Messages.Single().Body, Is.EqualTo(Rendered));
            Assert.That(emulator.Server.Messages.Single().ContentSid, Is.EqualTo(SampleContentTemplates.AppointmentReminder));
        });
    }

    [Test]
    public async Task Variables_a_send_leaves_out_take_the_template_sample_values()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var spanish = await SendAsync(sdk, SampleContentTemplates.OrderShippedSpanish, """{"1":"Pedro"}""");
        var portuguese = await SendAsync(sdk, SampleContentTemplates.OrderShippedPortuguese, contentVariables: null);

        Assert.Multiple(() =>
        {
            Assert.That(spanish.Body, Is.EqualTo("Hola Pedro, tu pedido #4821 ya está en camino."));
            Assert.That(portuguese.Body, Is.EqualTo("Olá João, seu pedido #4821 já está a caminho."));
        });
    }

    [Test]
    public async Task An_unknown_content_sid_is_refused_with_21655_and_nothing_is_sent()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var refused = await Assert.ThrowsAsync<ApiException>(() => SendAsync(sdk, "HX" + Guid.NewGuid().ToString("N"), contentVariables: null));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Status, Is.EqualTo(400));
            Assert.That(refused.Code, Is.EqualTo(21655));
            Assert.That(refused.Message, Is.EqualTo("The ContentSid is Invalid"));
            Assert.That(emulator.Server.MessagesCreated, Is.Zero);
        });
    }

    [TestCase("""{"1":""}""")]
    [TestCase("""{"1":null}""")]
    [TestCase("""{"1":"two\nlines"}""")]
    [TestCase("""{"1":"a\ttab"}""")]
    [TestCase("""{"1":"wide     gap"}""")]
    [TestCase("""{"1":{"nested":"x"}}""")]
    [TestCase("""["Ana"]""")]
    [TestCase("not json")]
    public async Task Variables_Twilio_cannot_use_are_refused_with_21656(string contentVariables)
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var refused = await Assert.ThrowsAsync<ApiException>(() => SendAsync(sdk, SampleContentTemplates.AppointmentReminder, contentVariables));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Code, Is.EqualTo(21656));
            Assert.That(refused.Status, Is.EqualTo(400));
            Assert.That(emulator.Server.MessagesCreated, Is.Zero);
        });
    }

    [Test]
    public async Task A_rejected_template_is_accepted_then_fails_with_63040()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var sent = await SendAsync(sdk, SampleContentTemplates.WelcomeOffer, """{"1":"Ana"}""");

        var callbacks = await Receiver.WaitForAsync(1);
        var failed = await emulator.WaitForStatusAsync(sent.Sid, "failed");
        Assert.Multiple(() =>
        {
            Assert.That(sent.Status.ToString(), Is.EqualTo("queued"));
            Assert.That(failed.GetProperty("error_code").GetInt32(), Is.EqualTo(63040));
            Assert.That(callbacks[0].Field("MessageStatus"), Is.EqualTo("failed"));
            Assert.That(callbacks[0].Field("ErrorCode"), Is.EqualTo("63040"));
            Assert.That(callbacks[0].Field("ErrorMessage"), Is.EqualTo("Template rejected"));
        });
    }

    [TestCase(SampleContentTemplates.AppointmentReminderSpanish)]
    [TestCase(SampleContentTemplates.PaymentDue)]
    public async Task A_template_waiting_for_approval_fails_outside_the_window_with_63016(string contentSid)
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var sent = await SendAsync(sdk, contentSid, contentVariables: null);

        var failed = await emulator.WaitForStatusAsync(sent.Sid, "failed");
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("error_code").GetInt32(), Is.EqualTo(63016));
            Assert.That(emulator.Server.MessagesCreated, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Inside_the_window_an_unapproved_text_template_is_delivered_but_a_call_to_action_is_not()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();
        emulator.Server.InboundWebhookUrl = Receiver.Url("inbound");
        await emulator.Server.SimulateInboundAsync(Customer, "Hola");

        var text = await SendAsync(sdk, SampleContentTemplates.AppointmentReminderSpanish, contentVariables: null);
        var callToAction = await SendAsync(sdk, SampleContentTemplates.PaymentDue, contentVariables: null);

        await emulator.WaitForStatusAsync(text.Sid, "read");
        var failed = await emulator.WaitForStatusAsync(callToAction.Sid, "failed");
        Assert.That(failed.GetProperty("error_code").GetInt32(), Is.EqualTo(63016));
    }

    [Test]
    public async Task A_media_quick_reply_and_call_to_action_template_render_their_text()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        using var sdk = emulator.Sdk();

        var invoice = await SendAsync(sdk, SampleContentTemplates.InvoiceReady, """{"1":"Ana","2":"INV-7"}""");
        var followUp = await SendAsync(sdk, SampleContentTemplates.SupportFollowUp, """{"1":"Ana","2":"your order"}""");
        var payment = await SendAsync(sdk, SampleContentTemplates.PaymentDue, """{"1":"Ana","2":"$10.00","3":"1/2"}""");

        Assert.Multiple(() =>
        {
            Assert.That(invoice.Body, Is.EqualTo("Hi Ana, your invoice INV-7 is attached."));
            Assert.That(followUp.Body, Is.EqualTo("Hi Ana, did we solve your problem with your order?"));
            Assert.That(payment.Body, Is.EqualTo("Hi Ana, your payment of $10.00 is due on 1/2. You can pay online with the link below."));
        });
    }

    private Task<MessageResource> SendAsync(SdkClient sdk, string contentSid, string? contentVariables) =>
        MessageResource.CreateAsync(
            new CreateMessageOptions(new PhoneNumber(Customer))
            {
                From = new PhoneNumber(EmulatorClient.Sender),
                ContentSid = contentSid,
                ContentVariables = contentVariables,
                StatusCallback = Receiver.Url("status"),
            },
            sdk.Rest);
}
