using System.Text.Json;
using System.Text.Json.Serialization;
using Messaging.Api.Authentication;
using Messaging.Api.Events;
using Messaging.Api.Hosting;
using Messaging.Api.Idempotency;
using Messaging.Api.ProblemResponses;
using Messaging.Api.RateLimiting;
using Messaging.Api.Telemetry;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Configuration;
using Messaging.Application.Conversations;
using Messaging.Application.Events;
using Messaging.Application.Messages.UnknownOutcomes;
using Messaging.Application.Templates;
using Messaging.Infrastructure.Persistence;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Api;

public static class DependencyInjection
{
    /// <summary>Health check tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered before the framework's writers, which the problem details service would otherwise ask first.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services
            .AddControllers(options =>
            {
                // FluentValidation in the MediatR pipeline is the one place rules live; nullable annotations must not
                // add a second, differently shaped set of "required" errors.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddJsonOptions(options =>
            {
                // The conventions events are written with too, so an event's data reads like the resource it names.
                EventJson.Configure(options.JsonSerializerOptions);

                // The serializer's own messages name internal types; clients get the JSON path and a plain message.
                options.AllowInputFormatterExceptionMessages = false;

                // A name given twice is read differently by different parsers (a proxy may see the first, the service
                // the last): such a body is refused instead of guessed at.
                options.JsonSerializerOptions.AllowDuplicateProperties = false;
            })
            .ConfigureApiBehaviorOptions(options =>
                options.InvalidModelStateResponseFactory = context => new ProblemResult(Problems.InvalidRequest(context.ModelState)));

        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            // The framework fills "servers" from the request's Host header, which the client chose; a document that
            // names no server is read relative to where it was fetched, which is always right.
            document.Servers = [];
            return Task.CompletedTask;
        }));

        services.AddOptions<CustomerServiceWindowOptions>().BindConfiguration(CustomerServiceWindowOptions.SectionName);
        services.AddOptions<PhoneNumberOptions>().BindConfiguration(PhoneNumberOptions.SectionName);
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.SectionName);
        services.AddOptions<UnknownOutcomeOptions>().BindConfiguration(UnknownOutcomeOptions.SectionName);
        services.AddApiKeyAuthentication(configuration);
        services.AddSendRateLimiting(configuration);
        services.AddTransient<IdempotencyFilter>();
        services.AddRequestLimits(configuration);
        services.AddEventStreams(configuration);
        services.AddValidatedOptions<HostFilteringOptions, AllowedHostsValidator>();
        services.AddClosedCors(configuration);
        services.AddOpenTelemetryExport(configuration);

        services.AddHealthChecks()
            .AddDbContextCheck<MessagingDbContext>("database", tags: [ReadyTag])
            .AddMigrationsCheck(ReadyTag);

        return services;
    }

    private static void AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ApiOptions, ApiOptionsValidator>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
        {
            // The server's name and version help only those probing for weaknesses.
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = api.Value.MaxConcurrentConnections;
        });
    }

    private static void AddEventStreams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EventStreamOptions, EventStreamOptionsValidator>().Bind(configuration.GetSection(EventStreamOptions.SectionName));
        services.TryAddSingleton<EventStreamLimiter>();
    }

    private static void AddClosedCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsOptionsSection.SectionName).Get<CorsOptionsSection>()?.AllowedOrigins ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            // With no origins the policy allows none: browsers on other sites cannot read any answer.
            policy.WithOrigins([.. origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Content-Type", ApiKeyDefaults.HeaderName, "Authorization", IdempotencyHeaders.IdempotencyKey)
                .WithExposedHeaders("Location", "Retry-After", IdempotencyHeaders.Replayed);
        }));
    }
}
