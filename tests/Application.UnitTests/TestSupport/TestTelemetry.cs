using System.Diagnostics.Metrics;
using Messaging.Application.Common.Diagnostics;

namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>The service's instruments on a meter factory of their own, which nothing listens to.</summary>
public static class TestTelemetry
{
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static MessagingTelemetry Instance { get; } = new(Meters.GetRequiredService<IMeterFactory>());
}
