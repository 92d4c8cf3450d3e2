using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// The service's OTLP export against a collector on loopback that speaks OTLP over gRPC as a real one does: the
/// exporters' own requests are recorded and answered with an empty success. Stopping the service flushes the
/// exporters; the service finishes stopping on its own thread, so the test waits for what the collector receives.
/// </summary>
public sealed class OtlpExportTests
{
    private const string TraceExport = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private const string MetricsExport = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
    private const string LogsExport = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";

    // The service name every export's resource carries.
    private const string MessagingTelemetryName = "Messaging";

    // A gRPC message with no fields: one flag byte (not compressed) and a length of zero.
    private static readonly byte[] EmptyGrpcMessage = new byte[5];

    private readonly ConcurrentQueue<Export> _exports = new();
    private LoopbackServer _collector = null!;

    [OneTimeSetUp]
    public async Task StartCollector() =>
        _collector = await LoopbackServer.StartAsync(app => app.Run(RecordAsync), protocols: HttpProtocols.Http2);

    [OneTimeTearDown]
    public async Task StopCollector() => await _collector.DisposeAsync();

    [Test]
    public async Task Spans_metrics_and_logs_reach_the_configured_collector_over_grpc()
    {
        await using (var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = _collector.BaseAddress.ToString() }))
        {
            using var client = factory.CreateClient();
            using var sent = await client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" });
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var exports = await Waiting.Eventually(
            () => Task.FromResult<IReadOnlyList<Export>>([.. _exports]),
            received => received.Any(e => e.Path == TraceExport && e.Contains("SendMessageCommand"))
                && received.Any(e => e.Path == MetricsExport && e.Contains("messaging.sends"))
                && received.Any(e => e.Path == LogsExport));

        var traces = exports.Where(e => e.Path == TraceExport).ToList();
        var metrics = exports.Where(e => e.Path == MetricsExport).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exports.Select(e => e.ContentType), Has.All.EqualTo("application/grpc"));
            Assert.That(traces.Any(e => e.Contains("message.create")), Is.True, "the call to Twilio, in the same export as the send");
            Assert.That(traces.Concat(metrics).All(e => e.Contains(MessagingTelemetryName)), Is.True, "each export names the Messaging service");
            Assert.That(metrics.Any(e => e.Contains("http.server.request.duration")), Is.True, "ASP.NET Core's metrics");
        });
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        _exports.Enqueue(new Export(context.Request.Path, context.Request.ContentType, body.ToArray()));

        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(EmptyGrpcMessage);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private sealed record Export(string Path, string? ContentType, byte[] Body)
    {
        // Names travel in the protobuf as plain UTF-8 strings; finding them needs no decoder.
        public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

        public override string ToString() => $"{Path} ({Body.Length} bytes)";
    }
}
