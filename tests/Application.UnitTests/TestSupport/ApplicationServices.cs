namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>The application as the host composes it, with the given ports behind it.</summary>
public static class ApplicationServices
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Without <paramref name="conversations"/>, every contact last wrote an hour before <see cref="Now"/>, so the
    /// customer-service window is open. Without <paramref name="timeProvider"/>, the clock stands at <see cref="Now"/>.
    /// </summary>
    public static ServiceProvider Build(
        ITwilioGateway gateway,
        IMessageRepository repository,
        LogSink? logs = null,
        IConversationRepository? conversations = null,
        ITwilioMediaClient? mediaClient = null,
        IPendingStatusUpdateRepository? pending = null,
        IContentTemplateSource? templates = null,
        TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        services.AddApplicationServices();
        services.AddSingleton(logs ?? new LogSink());
        services.AddSingleton(typeof(ILogger<>), typeof(SinkLogger<>));
        services.AddSingleton(timeProvider ?? new FakeTimeProvider(Now));
        services.AddSingleton(gateway);
        services.AddSingleton(repository);
        services.AddSingleton<IUnitOfWork, InlineUnitOfWork>();
        services.AddSingleton(conversations ?? RecentlyWritten());
        services.AddSingleton(pending ?? NothingPending());
        services.AddSingleton(Mock.Of<IEventOutbox>());

        // Strict: a test that reaches the media client without giving one fails instead of passing on a default.
        services.AddSingleton(mediaClient ?? new Mock<ITwilioMediaClient>(MockBehavior.Strict).Object);
        services.AddSingleton(templates ?? new Mock<IContentTemplateSource>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookSubscriptionRepository>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IWebhookAddressCheck>(MockBehavior.Strict).Object);
        services.AddSingleton(new Mock<IEventLog>(MockBehavior.Strict).Object);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IConversationRepository RecentlyWritten()
    {
        var conversations = new Mock<IConversationRepository>(MockBehavior.Strict);
        conversations
            .Setup(c => c.GetLastInboundAt(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Now.AddHours(-1));
        return conversations.Object;
    }

    private static IPendingStatusUpdateRepository NothingPending()
    {
        var pending = new Mock<IPendingStatusUpdateRepository>(MockBehavior.Strict);
        pending
            .Setup(p => p.ListFor(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        return pending.Object;
    }
}
