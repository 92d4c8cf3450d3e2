using Messaging.Application.Messages.Recording;
using Microsoft.Extensions.Logging;

namespace Messaging.Application.Messages.UnknownOutcomes;

/// <summary>
/// Settles sends whose outcome is <see cref="MessageStatus.Unknown"/> that no status callback has named: looks each up
/// in Twilio's list of messages sent to its recipient and names it after the one with the same content; one Twilio
/// does not list after <see cref="UnknownOutcomeOptions.GiveUpAfter"/> becomes failed. Safe to run on several instances
/// at once: naming and giving up change a message only while it is still unknown, decided by the database.
/// </summary>
public sealed partial class UnknownOutcomeReconciler(
    IMessageRepository messages,
    ITwilioGateway gateway,
    MessageRecorder recorder,
    IOptionsMonitor<UnknownOutcomeOptions> options,
    TimeProvider timeProvider,
    ILogger<UnknownOutcomeReconciler> logger)
{
    /// <summary>The error message of a send given up on.</summary>
    public const string GaveUpReason =
        "Twilio's answer to this send was lost, and Twilio lists no message matching it: it is taken as not sent.";

    // Twilio's clock and ours may differ, and the send was stamped before its request went out.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private const int ListLimit = 200;

    private readonly ILogger<UnknownOutcomeReconciler> _logger = logger;

    /// <summary>One round over the oldest unknown sends; returns how many were named or given up.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var unknown = await messages.ListOutcomeUnknown(now - settings.LookUpAfter, settings.BatchSize, cancellationToken);
        var settled = 0;
        foreach (var message in unknown)
        {
            if (await SettleAsync(message, settings, now, cancellationToken))
            {
                settled++;
            }
        }

        return settled;
    }

    private async Task<bool> SettleAsync(Message message, UnknownOutcomeOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<TwilioSentMessage> listed;
        try
        {
            listed = await gateway.ListSentAsync(message.To, message.CreatedAt - ClockSkew, ListLimit, cancellationToken);
        }
        catch (TwilioUnavailableException exception)
        {
            // Nothing is decided without Twilio's list; the next round asks again.
            LogListFailed(_logger, exception, message.Id);
            return false;
        }

        foreach (var candidate in listed.Where(c => SameContent(message, c)).OrderBy(c => Distance(message, c)))
        {
            // A SID that already has its row belongs to another send with the same content.
            if (await messages.IsSidStored(candidate.Sid, cancellationToken))
            {
                continue;
            }

            var named = await recorder.RecordIdentity(
                message.Id,
                candidate.Sid,
                m => m.ApplyStatus(candidate.Status, null, null, now),
                now,
                cancellationToken);
            if (named is not null)
            {
                LogNamed(_logger, message.Id, candidate.Sid);
            }

            // Named here or, meanwhile, by a callback or another instance: settled either way.
            return true;
        }

        if (now - message.CreatedAt < settings.GiveUpAfter)
        {
            return false;
        }

        var failed = await recorder.RecordChange(
            message.Id,
            m => m.Status == MessageStatus.Unknown && m.ApplyStatus(MessageStatus.Failed, null, GaveUpReason, now),
            cancellationToken);
        if (failed?.Status == MessageStatus.Failed && failed.WaSid is null)
        {
            LogGaveUp(_logger, message.Id);
        }

        return true;
    }

    // Twilio lists a template message with the text it rendered, which is also what is stored as its body.
    private static bool SameContent(Message message, TwilioSentMessage candidate) =>
        string.Equals(message.Body ?? string.Empty, candidate.Body ?? string.Empty, StringComparison.Ordinal)
        && (message.Media.Count > 0) == (candidate.MediaCount > 0);

    private static TimeSpan Distance(Message message, TwilioSentMessage candidate) =>
        candidate.DateCreated is { } created ? (created - message.CreatedAt).Duration() : TimeSpan.MaxValue;

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId}, sent with an unknown outcome, is Twilio's {Sid}")]
    private static partial void LogNamed(ILogger logger, Guid messageId, string sid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId}, sent with an unknown outcome, is not listed at Twilio; it is marked failed")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up message {MessageId}, sent with an unknown outcome, at Twilio failed")]
    private static partial void LogListFailed(ILogger logger, Exception exception, Guid messageId);
}
