namespace Messaging.Infrastructure.RateLimiting;

/// <summary>Where fixed windows start: at whole multiples of their length, so every instance agrees without talking.</summary>
internal static class FixedWindow
{
    public static DateTimeOffset StartOf(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
}
