using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Messaging.Api.FunctionalTests;

public sealed class TracingTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Spans_are_recorded_only_when_an_otlp_collector_is_configured(bool configured)
    {
        var spans = new ConcurrentQueue<Activity>();
        var settings = new Dictionary<string, string?>();
        if (configured)
        {
            // Nothing listens there: the export fails quietly, and what matters is that spans are recorded for it.
            settings["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture)}";
        }

        using var factory = new MessagingApiFactory(settings, services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new QueueCollection<Activity>(spans))));
        using var client = factory.CreateClient();

        using var response = await client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" });

        // The handler's span ends before the answer is written, so it is exported by the time the client has the answer.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(spans.Any(s => s.DisplayName == "SendMessageCommand"), Is.EqualTo(configured));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task One_send_is_one_trace_from_the_http_request_through_twilio_to_the_commit(CancellationToken cancellationToken)
    {
        var spans = new ConcurrentQueue<Activity>();
        using var factory = new MessagingApiFactory(configureServices: services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
                .SetSampler(new AlwaysOnSampler())
                .AddInMemoryExporter(new QueueCollection<Activity>(spans))));
        using var client = factory.CreateClient();

        using var response = await client.PostMessage(new { to = "+14155550123", body = "Your order has shipped" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // The server's span ends once the answer is complete, which can be just after the client has it.
        Activity? request;
        while ((request = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST api/messages", StringComparison.Ordinal))) is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(10, cancellationToken);
        }

        var trace = spans.Where(s => s.TraceId == request.TraceId).ToList();
        var handler = trace.Single(s => s.DisplayName == "SendMessageCommand");
        var twilio = trace.Single(s => s.DisplayName == "message.create");
        var twilioHttp = trace.Single(s => s.Kind == ActivityKind.Client && s.ParentSpanId == twilio.SpanId);
        var commit = trace.Single(s => s.DisplayName == "database commit");
        Assert.Multiple(() =>
        {
            Assert.That(handler.ParentSpanId, Is.EqualTo(request.SpanId));
            Assert.That(twilio.ParentSpanId, Is.EqualTo(handler.SpanId));
            Assert.That(twilioHttp.GetTagItem("http.request.method"), Is.EqualTo("POST"));
            Assert.That(commit.ParentSpanId, Is.EqualTo(handler.SpanId));
        });
    }
}
