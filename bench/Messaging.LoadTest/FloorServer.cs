using System.Globalization;
using System.Net;
using System.Text.Json;
using Messaging.TwilioEmulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;

namespace Messaging.LoadTest;

/// <summary>
/// The floor: the least a server must do for each request of a scenario, measured in the same run as the service.
/// Webhooks: read the form, check Twilio's signature, one durable INSERT. Sends: read the JSON, the same Twilio SDK call
/// to an emulator of its own (whose status callbacks come back to the webhook floor), one durable INSERT. Replays: one
/// indexed read. Reads: the same query in raw SQL on the same file, written out as JSON. No ORM, no mediator, no
/// validation, no mapping, no logging.
/// </summary>
internal static class FloorServer
{
    public const string WebhookPath = "/floor/webhook/";

    public const string SendPath = "/floor/send";

    public const string ReplayPath = "/floor/replay";

    public const string MessagesPath = "/floor/messages";

    public const string ConversationsPath = "/floor/conversations";

    private const string Columns = """
        "Id", "WaSid", "Direction", "From", "To", "Body", "ProfileName", "ContentSid", "Status", "ErrorCode", "ErrorMessage", "CreatedAt", "UpdatedAt", "Media"
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(Argument(args, "--port")!, CultureInfo.InvariantCulture);
        var emulatorPort = int.Parse(Argument(args, "--emulator-port")!, CultureInfo.InvariantCulture);
        var apiKey = Argument(args, "--api-key")!;
        var baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        await using var database = await FloorDatabase.OpenAsync(Argument(args, "--database")!, Argument(args, "--read-database"));

        // Customers writing in through this emulator reach the floor's webhook and open their window, as for the service.
        await using var emulator = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions
        {
            Url = $"http://127.0.0.1:{emulatorPort.ToString(CultureInfo.InvariantCulture)}",
            InboundWebhookUrl = new Uri(baseUrl + WebhookPath + "inbound"),
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();

        var statusCallback = new Uri(baseUrl + WebhookPath + "status");
        var validator = new RequestValidator(TwilioEmulatorDefaults.AuthToken);
        using var twilioHttp = new System.Net.Http.HttpClient(new EmulatorRedirectHandler(emulator.BaseAddress) { InnerHandler = new SocketsHttpHandler() });
        var twilio = new TwilioRestClient(
            TwilioEmulatorDefaults.AccountSid, TwilioEmulatorDefaults.AuthToken, httpClient: new SystemNetHttpClient(twilioHttp));

        app.MapGet("/health/ready", () => "Healthy");

        app.MapPost(WebhookPath + "{kind}", async (HttpContext context, string kind) =>
        {
            var form = await context.Request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            if (!validator.Validate(baseUrl + context.Request.Path, fields, context.Request.Headers[TwilioForms.SignatureHeader].ToString()))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (kind == "status")
            {
                await database.InsertStatusAsync(fields["MessageSid"], fields["MessageStatus"], fields["To"]);
                return Results.NoContent();
            }

            await database.InsertInboundAsync(fields["MessageSid"], fields["From"], fields.GetValueOrDefault("Body"));
            return Results.Content("<Response></Response>", "text/xml");
        });

        app.MapPost(SendPath, async (HttpContext context) =>
        {
            if (context.Request.Headers[RawHttp.ApiKeyHeader] != apiKey)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var send = await context.Request.ReadFromJsonAsync<FloorSend>();
            if (send?.To is null)
            {
                return Results.BadRequest();
            }

            var message = await MessageResource.CreateAsync(
                new CreateMessageOptions(new PhoneNumber("whatsapp:" + send.To))
                {
                    From = new PhoneNumber(TwilioForms.Sender),
                    Body = send.Body,
                    ContentSid = send.ContentSid,
                    ContentVariables = send.ContentVariables is null ? null : JsonSerializer.Serialize(send.ContentVariables),
                    StatusCallback = statusCallback,
                },
                twilio);
            await database.InsertSentAsync(message.Sid, send.To, send.Body);
            return Results.Json(new { waSid = message.Sid, status = message.Status?.ToString() }, statusCode: StatusCodes.Status201Created);
        });

        app.MapPost(ReplayPath, async (HttpContext context) =>
        {
            await using var connection = new SqliteConnection(database.ReadConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Body" FROM "Replays" WHERE "Key" = $key""";
            command.Parameters.AddWithValue("$key", context.Request.Headers["Idempotency-Key"].ToString());
            if (await command.ExecuteScalarAsync() is not string body)
            {
                return Results.NotFound();
            }

            context.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Content(body, "application/json", statusCode: StatusCodes.Status201Created);
        });

        app.MapGet(MessagesPath, (HttpContext context) => WriteMessagesAsync(context, database));
        app.MapGet(ConversationsPath, (HttpContext context) => WriteConversationsAsync(context, database));

        await app.RunAsync();
        return 0;
    }

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task WriteMessagesAsync(HttpContext context, FloorDatabase database)
    {
        var query = context.Request.Query;
        var limit = int.Parse(query["limit"].ToString(), CultureInfo.InvariantCulture);
        await using var connection = new SqliteConnection(database.MessagesConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var where = string.Empty;
        if (query.TryGetValue("contact", out var contact))
        {
            where = """WHERE "Contact" = $contact""";
            command.Parameters.AddWithValue("$contact", contact.ToString());
        }
        else if (query.TryGetValue("createdAt", out var createdAt))
        {
            where = """WHERE "CreatedAt" <= $createdAt AND ("CreatedAt" < $createdAt OR "Id" < $id)""";
            command.Parameters.AddWithValue("$createdAt", long.Parse(createdAt.ToString(), CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$id", Guid.Parse(query["id"].ToString()));
        }

        command.CommandText = $"""SELECT {Columns} FROM "Messages" {where} ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT $limit""";
        command.Parameters.AddWithValue("$limit", limit + 1);

        await WritePageAsync(context, command, limit, (json, reader) => WriteMessage(json, reader, 0));
    }

    private static async Task WriteConversationsAsync(HttpContext context, FloorDatabase database)
    {
        var limit = int.Parse(context.Request.Query["limit"].ToString(), CultureInfo.InvariantCulture);
        await using var connection = new SqliteConnection(database.MessagesConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "c"."Contact", "c"."ProfileName", "c"."LastActivityAt", "c"."MessageCount", "c"."LastInboundAt", {string.Join(", ", Columns.Split(", ").Select(c => "\"m\"." + c.Trim()))}
            FROM (SELECT * FROM "Conversations" ORDER BY "LastActivityAt" DESC, "Contact" DESC LIMIT $limit) AS "c"
            JOIN "Messages" AS "m" ON "m"."Id" = "c"."LastMessageId"
            ORDER BY "c"."LastActivityAt" DESC, "c"."Contact" DESC
            """;
        command.Parameters.AddWithValue("$limit", limit + 1);

        await WritePageAsync(context, command, limit, (json, reader) =>
        {
            json.WriteStartObject();
            json.WriteString("contact", reader.GetString(0));
            json.WriteString("profileName", reader.IsDBNull(1) ? null : reader.GetString(1));
            json.WritePropertyName("lastMessage");
            WriteMessage(json, reader, 5);
            json.WriteString("lastActivityAt", Instant(reader.GetInt64(2)));
            json.WriteNumber("messageCount", reader.GetInt32(3));
            if (reader.IsDBNull(4))
            {
                json.WriteNull("windowOpenUntil");
            }
            else
            {
                json.WriteString("windowOpenUntil", Instant(reader.GetInt64(4)).AddHours(24));
            }

            json.WriteEndObject();
        });
    }

    // A page as the service answers it: { "items": [...], "nextCursor": ... }, the query having asked one row more.
    private static async Task WritePageAsync(HttpContext context, SqliteCommand command, int limit, Action<Utf8JsonWriter, SqliteDataReader> writeRow)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("items");
        await using (var reader = await command.ExecuteReaderAsync())
        {
            string? next = null;
            for (var row = 0; await reader.ReadAsync(); row++)
            {
                if (row == limit)
                {
                    next = "more";
                    break;
                }

                writeRow(json, reader);
            }

            json.WriteEndArray();
            json.WriteString("nextCursor", next);
        }

        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void WriteMessage(Utf8JsonWriter json, SqliteDataReader reader, int first)
    {
        json.WriteStartObject();
        json.WriteString("id", reader.GetGuid(first));
        WriteNullableString(json, "waSid", reader, first + 1);
        json.WriteString("direction", reader.GetString(first + 2).ToLowerInvariant());
        json.WriteString("from", reader.GetString(first + 3));
        json.WriteString("to", reader.GetString(first + 4));
        WriteNullableString(json, "body", reader, first + 5);
        json.WriteStartArray("mediaUrls");
        json.WriteEndArray();
        json.WritePropertyName("media");
        json.WriteRawValue(reader.IsDBNull(first + 13) ? "[]" : reader.GetString(first + 13), skipInputValidation: true);
        WriteNullableString(json, "profileName", reader, first + 6);
        WriteNullableString(json, "contentSid", reader, first + 7);
        json.WriteString("status", reader.GetString(first + 8).ToLowerInvariant());
        if (reader.IsDBNull(first + 9))
        {
            json.WriteNull("errorCode");
        }
        else
        {
            json.WriteNumber("errorCode", reader.GetInt32(first + 9));
        }

        WriteNullableString(json, "errorMessage", reader, first + 10);
        json.WriteString("createdAt", Instant(reader.GetInt64(first + 11)));
        json.WriteString("updatedAt", Instant(reader.GetInt64(first + 12)));
        json.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, reader.GetString(ordinal));
        }
    }

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);
}
