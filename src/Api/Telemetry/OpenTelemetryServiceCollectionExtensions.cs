using Messaging.Application.Common.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Messaging.Api.Telemetry;

internal static class OpenTelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable that names an OTLP collector; <see cref="OtlpEndpointKey"/> is the same in appsettings.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";

    /// <summary>
    /// Metrics and traces through OpenTelemetry: the service's own ("Messaging"), ASP.NET Core's and HttpClient's.
    /// Metrics are always kept for the Prometheus scrape at <c>/metrics</c>; both go to an OTLP collector when one is
    /// configured. Without a collector no span is recorded, so tracing costs a request nothing.
    /// </summary>
    public static IServiceCollection AddOpenTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var otlpEndpoint = OtlpEndpoint(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(MessagingTelemetry.Name))
            .WithMetrics(metrics => metrics
                .AddMeter(MessagingTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(MessagingTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                        // Probes and scrapes every few seconds would drown the traces worth reading.
                        aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                            && !context.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation();
                if (otlpEndpoint is null)
                {
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            });

        if (otlpEndpoint is not null)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, otlpEndpoint);
        }

        return services;
    }

    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var configured = configuration[OtlpEndpointKey] is { Length: > 0 } key ? key : configuration[OtlpEndpointVariable];
        return string.IsNullOrWhiteSpace(configured) ? null : new Uri(configured, UriKind.Absolute);
    }
}
