using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Messaging.Application.Common.Diagnostics;

/// <summary>
/// Every instrument and the trace source of the service, in one place, under one name ("Messaging") for metrics and
/// traces alike. Recording takes constant tag values only, so a hot path allocates nothing for it. The README's
/// "Operations" section lists each instrument.
/// </summary>
public sealed class MessagingTelemetry
{
    public const string Name = "Messaging";

    // Values of the "outcome" tag of messaging.sends.
    public const string SendSent = "sent";
    public const string SendUnknown = "unknown";
    public const string SendRefused = "refused";
    public const string SendRejected = "rejected";
    public const string SendTwilioUnavailable = "twilio_unavailable";
    public const string SendFailed = "failed";
    public const string SendCanceled = "canceled";

    // Values of the "kind" tag of messaging.webhooks.
    public const string WebhookInbound = "inbound";
    public const string WebhookStatus = "status";

    // Values of the "result" tag of messaging.webhooks.
    public const string WebhookAccepted = "accepted";
    public const string WebhookBadSignature = "bad_signature";
    public const string WebhookInvalid = "invalid";
    public const string WebhookFailed = "failed";

    // Values of the "result" tag of messaging.webhook_deliveries.attempts.
    public const string DeliverySucceeded = "succeeded";
    public const string DeliveryRefused = "refused";
    public const string DeliveryTimeout = "timeout";
    public const string DeliveryUnreachable = "unreachable";

    // Values of the "kind" tag of messaging.duplicates.absorbed.
    public const string DuplicateMessage = "message";
    public const string DuplicateIdempotentReplay = "idempotent_replay";

    /// <summary>The spans of the service: around each request's handler, each call to Twilio, each database commit.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _sends;
    private readonly Histogram<double> _twilioDuration;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _statusesIgnored;
    private readonly Counter<long> _pendingStored;
    private readonly Counter<long> _deliveryAttempts;
    private readonly Counter<long> _subscriptionsDisabled;
    private readonly Histogram<int> _batchSizes;
    private readonly Histogram<double> _batchDurations;

    public MessagingTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(Name);
        _sends = _meter.CreateCounter<long>(
            "messaging.sends", "{message}", "Send requests by outcome: sent, refused (bad input), rejected (by Twilio), twilio_unavailable, failed, canceled.");
        _twilioDuration = _meter.CreateHistogram<double>(
            "messaging.twilio.request.duration", "s", "Time of each HTTP request to Twilio, by operation and result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _webhooks = _meter.CreateCounter<long>(
            "messaging.webhooks", "{request}", "Twilio webhooks by kind (inbound, status) and result.");
        _duplicates = _meter.CreateCounter<long>(
            "messaging.duplicates.absorbed", "{request}", "Repeats answered without a second write: a message already stored under its SID, an idempotent replay.");
        _statusesIgnored = _meter.CreateCounter<long>(
            "messaging.statuses.ignored", "{status}", "Status callbacks that would have moved a message backwards (or repeated its status), ignored.");
        _pendingStored = _meter.CreateCounter<long>(
            "messaging.statuses.pending_stored", "{status}", "Status callbacks kept because their message was not stored yet.");
        _deliveryAttempts = _meter.CreateCounter<long>(
            "messaging.webhook_deliveries.attempts", "{attempt}", "Outgoing webhook attempts by result: succeeded (2xx), refused (any other status), timeout, unreachable.");
        _subscriptionsDisabled = _meter.CreateCounter<long>(
            "messaging.webhook_subscriptions.disabled", "{subscription}", "Webhook subscriptions disabled because their deliveries failed for too long.");
        _batchSizes = _meter.CreateHistogram<int>(
            "messaging.db.write_batch.size", "{unit}", "Units of work committed together in one transaction (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _batchDurations = _meter.CreateHistogram<double>(
            "messaging.db.write_batch.duration", "s", "Time from a write transaction's start to its commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
    }

    /// <summary>
    /// Publishes <c>messaging.messages.unknown_open</c>, the messages whose send outcome is not known yet, as read from
    /// <paramref name="observe"/> whenever metrics are collected. Call once.
    /// </summary>
    public void ObserveUnknownOutcomesOpen(Func<long> observe) =>
        _meter.CreateObservableGauge(
            "messaging.messages.unknown_open", observe, "{message}", "Messages stored with an unknown send outcome, not yet settled.");

    public void SendCompleted(string outcome) => _sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void TwilioRequest(string operation, string result, TimeSpan duration) =>
        _twilioDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("result", result));

    public void Webhook(string kind, string result) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("result", result));

    public void DuplicateAbsorbed(string kind) => _duplicates.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void StatusIgnored() => _statusesIgnored.Add(1);

    public void PendingStatusStored() => _pendingStored.Add(1);

    public void WebhookAttempt(string result) => _deliveryAttempts.Add(1, new KeyValuePair<string, object?>("result", result));

    public void WebhookSubscriptionDisabled() => _subscriptionsDisabled.Add(1);

    public void WriteBatch(int units, TimeSpan duration)
    {
        _batchSizes.Record(units);
        _batchDurations.Record(duration.TotalSeconds);
    }
}
