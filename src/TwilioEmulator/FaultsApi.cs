using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Messaging.TwilioEmulator;

/// <summary>
/// <c>/emulator/faults</c> and <c>/emulator/stats</c>: fault injection and counts over HTTP, for tests that run the
/// service (and its embedded emulator) as a separate process. Not part of Twilio's API and unauthenticated; the
/// emulator only ever listens on loopback.
/// </summary>
internal sealed class FaultsApi(EmulatorState state)
{
    public const string FaultsPath = "/emulator/faults";
    public const string StatsPath = "/emulator/stats";

    private const int MaxCount = 1000;
    private const int MaxRetryAfterSeconds = 86_400;
    private const int MaxDelayMilliseconds = 600_000;

    public async Task PostAsync(HttpContext context)
    {
        var (request, error) = await ReadAsync(context.Request);
        if (request is null)
        {
            await EmulatorProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "The fault is not valid.", error!);
            return;
        }

        state.Faults.Add(request.Value.Fault, request.Value.Count, request.Value.Target);
        await GetAsync(context);
    }

    public Task GetAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new { pending = state.Faults.Pending.Select(Describe) }, EmulatorProblem.Json, context.RequestAborted);

    public Task DeleteAsync(HttpContext context)
    {
        state.Faults.Clear();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public Task StatsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(
            new { createMessageRequests = state.CreateMessageRequests, messagesCreated = state.MessagesCreated, contentRequests = state.ContentRequests },
            EmulatorProblem.Json,
            context.RequestAborted);

    private static object Describe(PendingFault pending) => new
    {
        fault = JsonNamingPolicy.CamelCase.ConvertName(pending.Fault.Kind.ToString()),
        target = JsonNamingPolicy.CamelCase.ConvertName(pending.Target.ToString()),
        status = pending.Fault.Kind == TwilioFaultKind.Error ? pending.Fault.StatusCode : null,
        retryAfterSeconds = pending.Fault.RetryAfter?.TotalSeconds,
        delayMilliseconds = pending.Fault.AnswerDelay?.TotalMilliseconds,
    };

    private static async Task<((TwilioFault Fault, int Count, TwilioFaultTarget Target)? Request, string? Error)> ReadAsync(HttpRequest request)
    {
        const string Usage =
            "Send a JSON object: fault (error, tooManyRequests, delay, dropBeforeProcessing, dropAfterProcessing, hang), "
            + "status (error: 400-599), retryAfterSeconds (tooManyRequests), delayMilliseconds (delay), "
            + "count (default 1), target (messageCreates, the default, or anyRequest).";
        if (!request.HasJsonContentType())
        {
            return (null, Usage);
        }

        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON. " + Usage);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, Usage);
        }

        if (!TryInt(root, "count", 1, 1, MaxCount, out var count))
        {
            return (null, $"'count' must be a whole number from 1 to {MaxCount}.");
        }

        var target = Text(root, "target") switch
        {
            null or "messageCreates" => TwilioFaultTarget.MessageCreates,
            "anyRequest" => TwilioFaultTarget.AnyRequest,
            _ => (TwilioFaultTarget?)null,
        };
        if (target is null)
        {
            return (null, "'target' must be messageCreates or anyRequest.");
        }

        var (fault, faultError) = Text(root, "fault") switch
        {
            "error" => WithNumber(root, "status", null, 400, 599, TwilioFault.Error, "An error fault needs 'status', from 400 to 599."),
            "tooManyRequests" => WithNumber(
                root, "retryAfterSeconds", 1, 0, MaxRetryAfterSeconds, seconds => TwilioFault.TooManyRequests(TimeSpan.FromSeconds(seconds)),
                $"'retryAfterSeconds' must be a whole number from 0 to {MaxRetryAfterSeconds}."),
            "delay" => WithNumber(
                root, "delayMilliseconds", null, 0, MaxDelayMilliseconds, milliseconds => TwilioFault.Delay(TimeSpan.FromMilliseconds(milliseconds)),
                $"A delay fault needs 'delayMilliseconds', from 0 to {MaxDelayMilliseconds}."),
            "dropBeforeProcessing" => (TwilioFault.DropBeforeProcessing(), null),
            "dropAfterProcessing" => (TwilioFault.DropAfterProcessing(), null),
            "hang" => (TwilioFault.Hang(), null),
            _ => (null, Usage),
        };

        return fault is null ? (null, faultError) : ((fault, count, target.Value), null);
    }

    /// <summary>A fault made from a number of the request, or <paramref name="error"/> when the number is missing or out of bounds.</summary>
    private static (TwilioFault? Fault, string? Error) WithNumber(
        JsonElement root, string name, int? fallback, int min, int max, Func<int, TwilioFault> create, string error) =>
        TryInt(root, name, fallback, min, max, out var value) ? (create(value), null) : (null, error);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Reads a whole number within bounds; an absent one takes <paramref name="fallback"/>, or fails when there is none.</summary>
    private static bool TryInt(JsonElement root, string name, int? fallback, int min, int max, out int value)
    {
        value = 0;
        if (!root.TryGetProperty(name, out var element))
        {
            value = fallback.GetValueOrDefault();
            return fallback is not null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value) && value >= min && value <= max;
    }
}
