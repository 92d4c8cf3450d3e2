using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>
/// <c>POST /emulator/inbound</c>: a developer's way to play a customer writing in. Not part of Twilio's API and
/// unauthenticated; the emulator only ever listens on loopback.
/// </summary>
internal sealed class InboundApi(EmulatorState state, InboundSimulator simulator)
{
    public const string Path = "/emulator/inbound";

    public async Task PostAsync(HttpContext context)
    {
        var (input, error) = await ReadAsync(context.Request);
        if (error is not null)
        {
            await EmulatorProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "The simulated message is not valid.", error);
            return;
        }

        if (state.InboundWebhookUrl is null)
        {
            await EmulatorProblem.WriteAsync(
                context,
                StatusCodes.Status409Conflict,
                "No inbound webhook is configured.",
                "Set the emulator's InboundWebhookUrl to where Twilio should post incoming messages.");
            return;
        }

        var result = await simulator.SimulateAsync(input!.From, input.Body, input.MediaContentType, input.ProfileName, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(
            new
            {
                messageSid = result.MessageSid,
                from = result.From,
                to = result.To,
                mediaUrl = result.MediaUrl,
                webhookStatus = result.Webhook.StatusCode,
                webhookError = result.Webhook.Error,
            },
            EmulatorProblem.Json,
            context.RequestAborted);
    }

    private static async Task<(InboundInput? Input, string? Error)> ReadAsync(HttpRequest request)
    {
        string? from, body, media, profileName;
        if (request.HasJsonContentType())
        {
            JsonElement root;
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return (null, "The body is not valid JSON.");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object.");
            }

            from = JsonString(root, "from");
            body = JsonString(root, "body");
            profileName = JsonString(root, "profileName");
            media = root.TryGetProperty("media", out var m)
                ? m.ValueKind switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.String => m.GetString(),
                    _ => "?",
                }
                : null;
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            from = form["from"].LastOrDefault();
            body = form["body"].LastOrDefault();
            profileName = form["profileName"].LastOrDefault();
            media = form["media"].LastOrDefault();
        }
        else
        {
            return (null, "Send JSON or a form: from (required), body, media (true or a content type), profileName.");
        }

        var customer = InboundSimulator.NormaliseFrom(from);
        if (customer is null)
        {
            return (null, "'from' is required: the customer's number, +E164 or whatsapp:+E164.");
        }

        string? contentType = string.IsNullOrWhiteSpace(media) ? null : media.Trim().ToLowerInvariant() switch
        {
            "false" => null,
            "true" => SampleMedia.Png,
            var type => type,
        };
        if (contentType is not null && !SampleMedia.IsSupported(contentType))
        {
            return (null, $"'media' must be true, false or one of {SampleMedia.Png}, {SampleMedia.Pdf}, text/*.");
        }

        if (string.IsNullOrEmpty(body) && contentType is null)
        {
            return (null, "Send a 'body', a 'media', or both.");
        }

        return (new InboundInput(customer, body, contentType, profileName), null);
    }

    private static string? JsonString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
