using Microsoft.Extensions.Logging;
using NUnit.Framework.Constraints;

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

    /// <summary>A host of <see cref="BuildHost"/>, started; the caller stops and disposes it.</summary>
    public static async Task<IHost> StartHostAsync(IDictionary<string, string?> settings)
    {
        var host = BuildHost(settings);
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Asserts that a host with <paramref name="settings"/> starts, and stops it.</summary>
    public static async Task AssertStartsAsync(IDictionary<string, string?> settings, string environmentName = Development)
    {
        using var host = BuildHost(settings, environmentName);

        Assert.That(async () => await host.StartAsync(), Throws.Nothing);
        await host.StopAsync();
    }

    /// <summary>Asserts that a host whose one setting is <paramref name="key"/> = <paramref name="value"/> fails to start, naming the key.</summary>
    public static Task AssertSettingFailsAtStartAsync(string key, string value) =>
        AssertStartFailsAsync(new Dictionary<string, string?> { [key] = value }, Does.Contain(key));

    /// <summary>
    /// Asserts that options validation stops a host with <paramref name="settings"/> from starting, with a message that
    /// meets <paramref name="message"/>.
    /// </summary>
    public static async Task AssertStartFailsAsync(
        IDictionary<string, string?> settings,
        IResolveConstraint message,
        string environmentName = Development)
    {
        using var host = BuildHost(settings, environmentName);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, message);
    }
}
