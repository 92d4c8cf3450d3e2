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

    private static readonly DateTimeOffset Created = new(2026, 9, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A fresh copy of the catalogue, in this order.</summary>
    public static IReadOnlyList<ContentTemplate> All =>
    [
        new()
        {
            Sid = AppointmentReminder,
            FriendlyName = "appointment_reminder",
            Language = "en",
            ContentType = "twilio/text",
            Body = "Hi {{1}}, this is a reminder of your appointment on {{2}}. Reply to this message if you need to change it.",
            Variables = Samples(("1", "Maria"), ("2", "12/1 at 3pm")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved },
            DateCreated = Created,
        },
        new()
        {
            Sid = OrderShippedSpanish,
            FriendlyName = "order_shipped_es",
            Language = "es",
            ContentType = "twilio/text",
            Body = "Hola {{1}}, tu pedido {{2}} ya está en camino.",
            Variables = Samples(("1", "Lucía"), ("2", "#4821")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved },
            DateCreated = Created.AddMinutes(5),
        },
        new()
        {
            Sid = OrderShippedPortuguese,
            FriendlyName = "order_shipped_pt_br",
            Language = "pt_BR",
            ContentType = "twilio/text",
            Body = "Olá {{1}}, seu pedido {{2}} já está a caminho.",
            Variables = Samples(("1", "João"), ("2", "#4821")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved },
            DateCreated = Created.AddMinutes(6),
        },
        new()
        {
            Sid = InvoiceReady,
            FriendlyName = "invoice_ready",
            Language = "en",
            ContentType = "twilio/media",
            Body = "Hi {{1}}, your invoice {{2}} is attached.",
            Media = ["https://example.com/invoices/{{2}}.pdf"],
            Variables = Samples(("1", "Maria"), ("2", "INV-1042")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved },
            DateCreated = Created.AddDays(1),
        },
        new()
        {
            Sid = SupportFollowUp,
            FriendlyName = "support_follow_up",
            Language = "en",
            ContentType = "twilio/quick-reply",
            Body = "Hi {{1}}, did we solve your problem with {{2}}?",
            Actions = [ContentAction.QuickReply("Yes, thanks", "resolved"), ContentAction.QuickReply("No, I need help", "not_resolved")],
            Variables = Samples(("1", "Maria"), ("2", "your refund")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved },
            DateCreated = Created.AddDays(2),
        },
        new()
        {
            Sid = PaymentDue,
            FriendlyName = "payment_due",
            Language = "en",
            ContentType = "twilio/call-to-action",
            Body = "Hi {{1}}, your payment of {{2}} is due on {{3}}. You can pay online with the link below.",
            Actions = [ContentAction.OpenUrl("Pay now", "https://example.com/pay")],
            Variables = Samples(("1", "Maria"), ("2", "$42.00"), ("3", "12/5")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Pending },
            DateCreated = Created.AddDays(10),
        },
        new()
        {
            Sid = AppointmentReminderSpanish,
            FriendlyName = "appointment_reminder_es",
            Language = "es",
            ContentType = "twilio/text",
            Body = "Hola {{1}}, le recordamos su cita del {{2}}. Responda a este mensaje si necesita cambiarla.",
            Variables = Samples(("1", "Lucía"), ("2", "1/12 a las 15:00")),
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Received },
            DateCreated = Created.AddDays(11),
        },
        new()
        {
            Sid = WelcomeOffer,
            FriendlyName = "welcome_offer",
            Language = "en",
            ContentType = "twilio/text",
            Body = "Welcome back, {{1}}! Use code {{2}} for 20% off your next order.",
            Variables = Samples(("1", "Maria"), ("2", "WELCOME20")),
            Approval = new WhatsAppApproval
            {
                Status = WhatsAppApprovalStatus.Rejected,
                RejectionReason = "TAG_CONTENT_MISMATCH. The template's content is promotional and does not match its UTILITY category.",
            },
            DateCreated = Created.AddDays(12),
        },
    ];

    private static Dictionary<string, string> Samples(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
