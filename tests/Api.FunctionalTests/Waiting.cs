namespace Messaging.Api.FunctionalTests;

/// <summary>Waits for what a client would observe, with a deadline rather than a fixed sleep.</summary>
public static class Waiting
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Reads until <paramref name="done"/> holds; fails the test with the last value seen after <see cref="Patience"/>.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {Patience.TotalSeconds} s; last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
