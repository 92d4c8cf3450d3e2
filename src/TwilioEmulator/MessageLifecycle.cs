namespace Messaging.TwilioEmulator;

/// <summary>
/// Moves an accepted message through the statuses Twilio would report for it, one step per
/// <see cref="TwilioEmulatorOptions.CallbackDelay"/>, and posts a status callback for each when the message asked
/// for them.
/// </summary>
internal sealed class MessageLifecycle(EmulatorState state, CallbackDispatcher dispatcher, TwilioEmulatorOptions options)
{
    public const int OutsideWindowCode = 63016;

    public const string OutsideWindowMessage =
        "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.";

    public const int TemplateRejectedCode = 63040;

    public const string TemplateRejectedMessage = "Template rejected";

    private readonly TimeSpan _delay = options.CallbackDelay;
    private readonly CallbackOrder _order = options.CallbackOrder;
    private readonly int _seed = options.CallbackOrderSeed;
    private readonly bool _enforceWindow = options.EnforceCustomerServiceWindow;
    private readonly TimeSpan _window = options.CustomerServiceWindow;

    public void Start(EmulatedMessage message)
    {
        var steps = StepsFor(message);
        dispatcher.Run(cancellationToken => RunAsync(message, steps, cancellationToken));
    }

    private IReadOnlyList<StatusStep> StepsFor(EmulatedMessage message)
    {
        var template = message.ContentSid is { } sid && state.Content.TryGet(sid, out var found) ? found : null;
        if (template?.Approval.Status == WhatsAppApprovalStatus.Rejected)
        {
            return [StatusStep.Failed(TemplateRejectedCode, TemplateRejectedMessage)];
        }

        // Twilio checks the window when it sends, which for the emulator is when it accepts the message. An approved
        // template may open a conversation; other content is held to the window like a free-form message, and an
        // unapproved call-to-action fails even inside it (Twilio's "Session Definitions" for WhatsApp).
        var approved = template?.IsApprovedForWhatsApp == true;
        var needsApprovalInWindow = template?.ContentType == "twilio/call-to-action";
        var windowClosed = _enforceWindow && !state.IsWindowOpen(TwilioTestNumbers.Number(message.To), message.DateCreated, _window);
        if (!approved && (needsApprovalInWindow || windowClosed))
        {
            return [StatusStep.Failed(OutsideWindowCode, OutsideWindowMessage)];
        }

        return TwilioTestNumbers.FailingLifecycleFor(message.To) ?? [StatusStep.Sent, StatusStep.Delivered, StatusStep.Read];
    }

    private async Task RunAsync(EmulatedMessage message, IReadOnlyList<StatusStep> steps, CancellationToken cancellationToken)
    {
        var callbacks = CallbackSequence(steps);
        for (var i = 0; i < callbacks.Count; i++)
        {
            await Task.Delay(_delay, state.TimeProvider, cancellationToken);

            // The stored message follows the real lifecycle whatever order the callbacks are posted in.
            if (i < steps.Count)
            {
                Apply(message.Sid, steps[i]);
            }

            if (message.StatusCallback is { } url)
            {
                await dispatcher.PostAsync(url, CallbackKind.Status, Fields(message, callbacks[i]), cancellationToken);
            }
        }
    }

    private List<StatusStep> CallbackSequence(IReadOnlyList<StatusStep> steps)
    {
        switch (_order)
        {
            case CallbackOrder.Shuffled:
                var shuffled = steps.ToArray();
#pragma warning disable CA5394 // A seeded, reproducible order is the point; nothing here is secret.
                new Random(_seed).Shuffle(shuffled);
#pragma warning restore CA5394
                return [.. shuffled];
            case CallbackOrder.ReversedWithRepeats:
                return [.. steps.Reverse().SelectMany(step => new[] { step, step })];
            default:
                return [.. steps];
        }
    }

    private void Apply(string sid, StatusStep step)
    {
        var now = state.TimeProvider.GetUtcNow();
        state.Update(sid, current => current with
        {
            Status = step.Status,
            DateUpdated = now,
            DateSent = step.Status == "sent" ? now : current.DateSent,
            ErrorCode = step.ErrorCode ?? current.ErrorCode,
            ErrorMessage = step.ErrorMessage ?? current.ErrorMessage,
        });
    }

    private static List<KeyValuePair<string, string>> Fields(EmulatedMessage message, StatusStep step)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ChannelPrefix", "whatsapp"),
            new("ApiVersion", TwilioJson.ApiVersion),
            new("MessageStatus", step.Status),
            new("SmsSid", message.Sid),
            new("SmsStatus", step.Status),
            new("To", message.To),
            new("From", message.From),
            new("MessageSid", message.Sid),
            new("AccountSid", message.AccountSid),
        };
        if (step.EventType is not null)
        {
            fields.Add(new("EventType", step.EventType));
        }

        if (step.ErrorCode is { } code)
        {
            fields.Add(new("ErrorCode", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("ErrorMessage", step.ErrorMessage ?? string.Empty));
        }

        return fields;
    }
}
