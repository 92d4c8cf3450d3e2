namespace Messaging.LoadTest;

/// <summary>
/// One answer wrk received: the id of the request it answers, its status, whether it was an idempotent replay, and the
/// message SID in its body, if any.
/// </summary>
internal sealed record Answer(long RequestId, int Status, bool Replayed, string? Sid)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
