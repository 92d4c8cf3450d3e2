namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

/// <summary>Waits for what a client would observe, failing the test when it does not come within a few seconds.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(what is null ? "The condition did not come true in time." : $"Never observed: {what}.");
            }

            await Task.Delay(10);
        }
    }
}
