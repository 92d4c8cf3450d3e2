namespace Messaging.Infrastructure.IntegrationTests.Databases;

/// <summary>Concurrent callers, each in a scope of its own (as one request each), released at the same moment.</summary>
internal static class Race
{
    /// <summary>
    /// Runs <paramref name="call"/> once in each scope, all at once, with the scope's services and its position in
    /// <paramref name="scopes"/>; disposes the scopes afterwards.
    /// </summary>
    public static async Task<T[]> InScopesAsync<T>(
        IReadOnlyList<AsyncServiceScope> scopes,
        Func<IServiceProvider, int, Task<T>> call,
        CancellationToken cancellationToken)
    {
        try
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = scopes.Select((scope, i) =>
            {
                var services = scope.ServiceProvider;
                return Task.Run(
                    async () =>
                    {
                        await gate.Task;
                        return await call(services, i);
                    },
                    cancellationToken);
            }).ToList();

            gate.SetResult();
            return await Task.WhenAll(calls);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}
