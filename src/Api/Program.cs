using Messaging.Api;
using Messaging.Api.Authentication;
using Messaging.Api.Authorization;
using Messaging.Api.Dashboard;
using Messaging.Api.Events;
using Messaging.Api.Hosting;
using Messaging.Api.Middleware;
using Messaging.Api.Telemetry;
using Messaging.Application;
using Messaging.Infrastructure;
using Messaging.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (ApiKeyGenerator.TryRun(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddApplicationServices()
    .AddInfrastructureServices(builder.Configuration)
    .AddWebServices(builder.Configuration);

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseDashboardFiles();

app.UseRouting();
app.UseMiddleware<RoutingRefusalMiddleware>();
app.UseMiddleware<WebhookTelemetryMiddleware>();
app.UseCors();
app.UseAuthentication();
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseAuthorization();
app.UseMiddleware<RequestBodyLimitMiddleware>();

// Health answers carry a status word and nothing else, and need no key, so that probes need no secret. They are read
// with GET or HEAD (some load balancers probe with HEAD); any other method is refused rather than answered as a read.
var probeMethods = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(probeMethods);
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Messaging.Api.DependencyInjection.ReadyTag) })
    .AllowAnonymous()
    .WithMetadata(probeMethods);
// Metrics tell how much traffic the service carries and how it fails: only a key with the metrics:read scope reads them.
app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(ApiPolicies.MetricsRead);
// The one document there is, by its own address: the default pattern would answer any other name itself, in plain text.
app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
app.MapControllers().AnswerHeadAsGet();
app.MapMessageEvents();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
