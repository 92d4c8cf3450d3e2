using Messaging.Application.Common.Diagnostics;

namespace Messaging.Infrastructure.Webhooks;

/// <summary>How one attempt went: <see cref="Outcome"/> is a result value of <see cref="MessagingTelemetry"/>.</summary>
internal sealed record AttemptResult(string Outcome, int? StatusCode, string? Error, TimeSpan Elapsed)
{
    public bool Succeeded => Outcome == MessagingTelemetry.DeliverySucceeded;
}
