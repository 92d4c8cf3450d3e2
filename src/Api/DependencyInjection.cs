using System.Text.Json;
using System.Text.Json.Serialization;
using Messaging.Api.Infrastructure;
using Messaging.Application.Conversations;

namespace Messaging.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddWebServices(this IServiceCollection services)
    {
        services
            .AddControllers(options =>
            {
                // FluentValidation in the MediatR pipeline is the one place rules live; nullable annotations must not
                // add a second, differently shaped set of "required" errors.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.Converters.Add(
                    new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
                options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

                // The serializer's own messages name internal types; clients get the JSON path and a plain message.
                options.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(options =>
                options.InvalidModelStateResponseFactory = InvalidRequestResponse.Create);

        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();

        services.AddOptions<CustomerServiceWindowOptions>().BindConfiguration(CustomerServiceWindowOptions.SectionName);

        return services;
    }
}
