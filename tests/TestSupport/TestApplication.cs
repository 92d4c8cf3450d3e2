using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Interfaces;
using Messaging.Domain.Messages;
using Messaging.Infrastructure.Twilio;
using Messaging.TwilioEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Messaging.TestSupport;

/// <summary>
/// What every test run of the service starts from, kept once so that the functional tests' application and the
/// dashboard's cannot drift apart: the test environment, the given database migrated at start, the embedded Twilio
/// emulator, the given API keys, no send rate limit to meet, and logs kept in memory.
/// </summary>
public static class TestApplication
{
    public static void UseTestDefaults(this IWebHostBuilder builder, EmptyDatabase database, IEnumerable<TestApiKey> apiKeys)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(apiKeys);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Twilio:AccountSid", string.Empty);
        builder.UseSetting("Twilio:AuthToken", string.Empty);
        builder.UseSetting("Twilio:UseEmulator", "true");

        foreach (var (key, value) in apiKeys.SelectMany((key, index) => key.Settings(index)))
        {
            builder.UseSetting(key, value);
        }

        // Tests that are not about rate limits must never meet one.
        builder.UseSetting("RateLimiting:Send:PermitLimit", "100000");
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
    }

    /// <summary>The embedded Twilio emulator the service talks to.</summary>
    public static TwilioEmulatorServer Emulator(IServiceProvider services) =>
        services.GetRequiredService<EmbeddedTwilioEmulator>().Server;

    /// <summary>
    /// A message from <paramref name="customer"/> (E.164) to the service's configured sender, as the inbound webhook
    /// would store it; stored with <see cref="StoreAsync"/>.
    /// </summary>
    public static Message Inbound(
        IServiceProvider services,
        string customer,
        DateTimeOffset at,
        string? body = "Hello",
        string? profileName = null,
        IEnumerable<MessageMedia>? media = null,
        string? sid = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var sender = services.GetRequiredService<ITwilioGateway>().SenderAddress;
        return Message.Inbound(
            sid ?? "SM" + Guid.NewGuid().ToString("N"),
            WhatsAppAddress.FromE164(customer),
            WhatsAppAddressParser.Parse(sender),
            body,
            media,
            profileName,
            at);
    }

    /// <summary>Stores <paramref name="message"/> through the service's own repository and returns the stored row.</summary>
    public static async Task<Message> StoreAsync(IServiceProvider services, Message message)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMessageRepository>().AddIfAbsent(message, CancellationToken.None);
        return result.Message;
    }
}
