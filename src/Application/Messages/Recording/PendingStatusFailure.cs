namespace Messaging.Application.Messages.Recording;

/// <summary>
/// What <see cref="MessageRecorder.Record"/> does when the statuses Twilio reported before a new message was stored
/// cannot be applied. Each caller chooses, because what a failure costs depends on who is asking.
/// </summary>
public enum PendingStatusFailure
{
    /// <summary>
    /// Keep the message as stored and leave the statuses pending for its next callback, logging a warning. For a send:
    /// Twilio has the message already, and failing the request would invite a retry that sends it twice.
    /// </summary>
    KeepMessage,

    /// <summary>
    /// Undo the whole recording and let the failure through. For a webhook: Twilio delivers it again when the answer
    /// is an error, the message is stored once whatever the number of deliveries, and the next delivery applies the
    /// statuses with it, so nothing is lost and nothing is duplicated.
    /// </summary>
    FailRecording,
}
