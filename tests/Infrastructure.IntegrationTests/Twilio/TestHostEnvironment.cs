using Microsoft.Extensions.FileProviders;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

/// <summary>The host environment of services built without a host.</summary>
internal sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;

    public string ApplicationName { get; set; } = "Messaging.Infrastructure.IntegrationTests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
