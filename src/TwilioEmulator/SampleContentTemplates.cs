using System.Text.Json;

namespace Messaging.TwilioEmulator;

/// <summary>
/// The content templates every emulator starts with unless <see cref="TwilioEmulatorOptions.ContentTemplates"/> says
/// otherwise: approved, waiting and rejected ones, in English, Spanish and Brazilian Portuguese, of the four content
/// types the service can send.
/// </summary>
public static class SampleContentTemplates
{
    /// <summary>en, twilio/text, approved: <c>Hi {{1}}, this is a reminder of your appointment on {{2}}. …</c></summary>
    public const string AppointmentReminder = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    /// <summary>es, twilio/text, approved: <c>Hola {{1}}, tu pedido {{2}} ya está en camino.</c></summary>
    public const string OrderShippedSpanish = "HX56d63ab47459048970e55e6e3cdb92ea";

    /// <summary>pt_BR, twilio/text, approved: <c>Olá {{1}}, seu pedido {{2}} já está a caminho.</c></summary>
    public const string OrderShippedPortuguese = "HXf48a436ca5cd1d3d0d470829237a5960";

    /// <summary>en, twilio/media, approved: an invoice PDF with <c>Hi {{1}}, your invoice {{2}} is attached.</c></summary>
    public const string InvoiceReady = "HXf52d7c513cb1378201a2f8d258f8519a";

    /// <summary>en, twilio/quick-reply, approved: <c>Hi {{1}}, did we solve your problem with {{2}}?</c> with two buttons.</summary>
    public const string SupportFollowUp = "HX25f39bf3556fd745b162a33c9937c026";

    /// <summary>en, twilio/call-to-action, pending review, with a "Pay now" link.</summary>
    public const string PaymentDue = "HXf883ef45928d11a96c57958e647f8079";

    /// <summary>es, twilio/text, received by Twilio and not yet submitted to WhatsApp.</summary>
    public const string AppointmentReminderSpanish = "HXf93bc1fdf9ec76ba30a528fac609d9cc";

    /// <summary>en, twilio/text, rejected by WhatsApp as promotional content in the UTILITY category.</summary>
    public const string WelcomeOffer = "HXbce84e031adc4d7beb2d1e6404810e51";

    private const string Resource = "SampleContentTemplates.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A fresh copy of the catalogue, in this order, read from <c>SampleContentTemplates.json</c>.</summary>
    public static IReadOnlyList<ContentTemplate> All
    {
        get
        {
            using var stream = typeof(SampleContentTemplates).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The emulator's assembly lacks its resource {Resource}.");
            return JsonSerializer.Deserialize<List<ContentTemplate>>(stream, Json)
                ?? throw new InvalidOperationException($"{Resource} holds no templates.");
        }
    }
}
