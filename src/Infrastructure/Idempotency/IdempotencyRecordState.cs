namespace Messaging.Infrastructure.Idempotency;

internal enum IdempotencyRecordState
{
    InFlight,
    Completed,
}
