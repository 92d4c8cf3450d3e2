using Messaging.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Api.FunctionalTests;

/// <summary>What a functional test needs from the running application: a client, the database and the emulator.</summary>
public static class ApiTestContext
{
    public static TwilioEmulatorServer Emulator(this MessagingApiFactory factory) => TestApplication.Emulator(factory.Services);

    public static async Task<int> StoredMessageCount(this MessagingApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.Messages.CountAsync();
    }

    /// <summary>Stores a message through the application's own repository, as the inbound webhook would.</summary>
    public static Task<Message> StoreMessage(this MessagingApiFactory factory, Message message) =>
        TestApplication.StoreAsync(factory.Services, message);

    /// <summary>A message from <paramref name="customer"/> (E.164) to the configured sender, received at <paramref name="at"/>.</summary>
    public static Message Inbound(this MessagingApiFactory factory, string customer, DateTimeOffset at, string? profileName = null, string body = "Hello") =>
        TestApplication.Inbound(factory.Services, customer, at, body, profileName);

    public static async Task<int> StoredPendingStatusCount(this MessagingApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.PendingStatusUpdates.CountAsync();
    }

    public static async Task<int> StoredIdempotencyKeyCount(this MessagingApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"IdempotencyKeys\"").SingleAsync();
    }

    /// <summary>
    /// Starts the application with <paramref name="setting"/> set to <paramref name="value"/>, asserts that options
    /// validation refuses the start with one exception, and returns its message.
    /// </summary>
    public static string StartRefusal(string setting, string value)
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { [setting] = value });
        return Assert.Throws<OptionsValidationException>(() => factory.CreateClient())!.Message;
    }

    public static async Task<JsonObject> ReadJsonObject(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())?.AsObject()
        ?? throw new InvalidOperationException("The response had no JSON body.");

    /// <summary>GETs <paramref name="path"/>, asserts 200 and returns the JSON object answered.</summary>
    public static async Task<JsonObject> GetJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonObject();
    }

    public static Task<HttpResponseMessage> PostMessage(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/messages", body);

    public static async Task<HttpResponseMessage> PostMessage(this HttpClient client, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
