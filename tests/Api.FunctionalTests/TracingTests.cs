using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Messaging.Api.FunctionalTests;

public sealed class TracingTests
{
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
