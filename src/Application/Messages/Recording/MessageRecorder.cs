using AutoMapper;
using Messaging.Application.Common.Diagnostics;
using Messaging.Application.Messages.PendingStatuses;
using Microsoft.Extensions.Logging;

namespace Messaging.Application.Messages.Recording;

/// <summary>
/// The one way a message or a status reaches the database and its listeners: store it in one unit of work together
/// with the statuses Twilio reported before the message existed (see <see cref="PendingStatusReconciler"/>) and the
/// events that announce it (see <see cref="MessageEvents"/>), and return what is stored.
/// </summary>
public sealed class MessageRecorder(
    IMessageRepository messages,
    IPendingStatusUpdateRepository pending,
    IUnitOfWork unitOfWork,
    PendingStatusReconciler reconciler,
    IMapper mapper,
    MessageEvents events,
    ILogger<MessageRecorder> logger,
    MessagingTelemetry telemetry)
{
    /// <summary>
    /// Stores <paramref name="message"/> unless its Twilio SID is stored already, applies the statuses reported for it
    /// before the save, and records it as sent or received. A message stored earlier is returned as it is, announcing
    /// nothing: its own save has applied or will apply what is pending. <paramref name="cancellationToken"/> withdraws
    /// the unit only while it waits for its turn.
    /// </summary>
    public async Task<MessageDto> Record(Message message, PendingStatusFailure ifStatusesFail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Set by the unit's last run: a unit can be run again, and only the run that committed counts.
        var duplicate = false;
        var result = await unitOfWork.Run(
            async token =>
            {
                var stored = await messages.AddIfAbsent(message, token);
                duplicate = !stored.Inserted;
                if (!stored.Inserted)
                {
                    return mapper.Map<MessageDto>(stored.Message);
                }

                var current = stored.Message;
                if (current.Status == MessageStatus.Unknown)
                {
                    // A callback that came while the send still waited for Twilio has kept the SID for this id.
                    current = await IdentifyFromPending(current, CancellationToken.None) ?? current;
                }
                else if (current.WaSid is { } sid)
                {
                    var applied = ifStatusesFail == PendingStatusFailure.KeepMessage
                        ? await ApplyPendingKeepingTheMessage(sid)
                        : await reconciler.ApplyPending(sid, CancellationToken.None);
                    current = applied ?? current;
                }

                return events.Added(current, stored.Conversation);
            },
            cancellationToken);

        if (duplicate)
        {
            telemetry.DuplicateAbsorbed(MessagingTelemetry.DuplicateMessage);
        }

        return result;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the message stored under <paramref name="waSid"/> and records the change; when
    /// no message has that SID but <paramref name="messageId"/> names one whose outcome is unknown, gives it the SID
    /// first; when the message is not stored yet, keeps <paramref name="ifAbsent"/> for the save to apply. Returns the
    /// message as stored afterwards, or null when it is still not stored.
    /// </summary>
    public async Task<MessageDto?> RecordStatus(
        string waSid,
        Guid? messageId,
        Func<Message, bool> change,
        PendingStatusUpdate ifAbsent,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(ifAbsent);

        // Set by the unit's last run: a unit can be run again, and only the run that committed counts.
        var ignored = false;
        var keptPending = false;
        bool Observed(Message message)
        {
            var applied = change(message);
            ignored = !applied;
            return applied;
        }

        // One unit of work: the update, or the pending status and the look-up that follows it, commit together.
        var current = await unitOfWork.Run(
            async token =>
            {
                ignored = false;
                keptPending = false;
                var message = await messages.Update(waSid, Observed, token);
                if (message is not null)
                {
                    // Statuses can only be left pending if a save could not apply them (it logs why); the message's
                    // next callback picks them up.
                    var applied = await reconciler.ApplyPending(waSid, CancellationToken.None);
                    return !ignored || applied is not null
                        ? events.Changed(applied ?? message)
                        : mapper.Map<MessageDto>(message);
                }

                // Twilio can call back before the send that created the message has saved it. The status is kept first
                // and the message looked for again afterwards; the save does the same in the other order, so one of
                // the two applies it. From here on the work is finished even if Twilio hangs up: a half-done
                // hand-over could drop the status.
                await pending.Add(ifAbsent, CancellationToken.None);
                keptPending = true;

                // A message stored with an unknown outcome has no SID to be found by; the id in the callback URL
                // finds it, and naming it applies the status just kept.
                if (messageId is { } id
                    && await IdentifyIn(id, waSid, _ => false, ifAbsent.ReceivedAt, CancellationToken.None) is { } identified)
                {
                    return events.Changed(identified);
                }

                // The message may have been stored since the look-up; then the status just kept applies now.
                return await reconciler.ApplyPending(waSid, CancellationToken.None) is { } late ? events.Changed(late) : null;
            },
            cancellationToken);

        if (ignored)
        {
            telemetry.StatusIgnored();
        }

        if (keptPending)
        {
            telemetry.PendingStatusStored();
        }

        return current;
    }

    /// <summary>
    /// Gives the message stored under <paramref name="id"/> the SID <paramref name="waSid"/> and applies
    /// <paramref name="change"/> (e.g. the status Twilio reports for it), when its outcome is still unknown: the first
    /// to name it wins. Returns the message as stored afterwards, or null when it was not named here.
    /// </summary>
    public async Task<MessageDto?> RecordIdentity(
        Guid id, string waSid, Func<Message, bool> change, DateTimeOffset at, CancellationToken cancellationToken)
    {
        return await unitOfWork.Run(
            async token => await IdentifyIn(id, waSid, change, at, token) is { } identified ? events.Changed(identified) : null,
            cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the message stored under <paramref name="id"/> and records the change when
    /// there was one. Returns the message as stored afterwards, or null when no message has that id.
    /// </summary>
    public async Task<MessageDto?> RecordChange(Guid id, Func<Message, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var changed = false;
        return await unitOfWork.Run(
            async token => await messages.UpdateById(id, m => changed = change(m), token) is { } message
                ? changed ? events.Changed(message) : mapper.Map<MessageDto>(message)
                : null,
            cancellationToken);
    }

    private async Task<Message?> IdentifyFromPending(Message message, CancellationToken cancellationToken)
    {
        var sid = await pending.FindSidFor(message.Id, cancellationToken);
        return sid is null ? null : await IdentifyIn(message.Id, sid, _ => false, message.CreatedAt, cancellationToken);
    }

    private async Task<Message?> IdentifyIn(
        Guid id, string waSid, Func<Message, bool> change, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waSid);
        ArgumentNullException.ThrowIfNull(change);
        var named = false;
        var message = await messages.UpdateById(
            id,
            m =>
            {
                // Re-run when another writer changed the message meanwhile: then it may have been named already.
                named = m.Identify(waSid, at);
                if (named)
                {
                    change(m);
                }

                return named;
            },
            cancellationToken);
        if (message is null || !named)
        {
            return null;
        }

        // Statuses that came before the message had its SID (a callback racing the naming) apply now.
        return await reconciler.ApplyPending(waSid, CancellationToken.None) ?? message;
    }

    private async Task<Message?> ApplyPendingKeepingTheMessage(string sid)
    {
        try
        {
            // A unit of its own inside the save's: when it fails, only what it wrote is undone, and the save goes on.
            return await unitOfWork.Run(_ => reconciler.ApplyPending(sid, CancellationToken.None), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The statuses stay pending and the message keeps the status it was stored with.
            logger.LogWarning(ex, "Statuses Twilio reported before message {Sid} was stored could not be applied", sid);
            return null;
        }
    }
}
