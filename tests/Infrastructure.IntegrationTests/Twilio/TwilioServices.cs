using Microsoft.Extensions.Logging;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>
/// Builds the Twilio services the way the application registers them, from configuration keys. They run as in
/// Development unless a test names another environment: these tests are about the wiring, and outside Development
/// the emulator needs Twilio:UseEmulator (see the options tests).
/// </summary>
internal static class TwilioServices
{
    public const string Development = "Development";

    /// <param name="configure">Changes to the services, applied after the application's own registrations.</param>
    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        string environmentName = Development,
        Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environmentName));
        services.AddTwilio(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A generic host with the Twilio services, so hosted services and start-time validation run.</summary>
    public static IHost BuildHost(IDictionary<string, string?> settings, string environmentName = Development)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environmentName });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging();
        builder.Services.AddTwilio(builder.Configuration);
        return builder.Build();
    }
}
