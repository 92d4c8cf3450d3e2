using Messaging.Infrastructure.Twilio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>Builds the Twilio services the way the application registers them, from configuration keys.</summary>
internal static class TwilioServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddTwilio(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A generic host with the Twilio services, so hosted services and start-time validation run.</summary>
    public static IHost BuildHost(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging();
        builder.Services.AddTwilio(builder.Configuration);
        return builder.Build();
    }
}
