using Messaging.Application.Common.Models;

namespace Messaging.Infrastructure.IntegrationTests.Persistence;

/// <summary>Concurrent inserts of one SID, whose callers must all end up agreeing on the one message stored.</summary>
internal static class RacingInserts
{
    /// <summary>One insert of <paramref name="sid"/> from each scope, all at once, each message with a body of its own.</summary>
    public static Task<AddIfAbsentResult[]> OfOneSidAsync(
        IReadOnlyList<AsyncServiceScope> scopes,
        string sid,
        DateTimeOffset createdAt,
        CancellationToken cancellationToken) =>
        Race.InScopesAsync(
            scopes,
            (services, _) => services.GetRequiredService<IMessageRepository>()
                .AddIfAbsent(TestMessages.Outbound(sid, createdAt, body: "attempt " + Guid.NewGuid()), cancellationToken),
            cancellationToken);
}
