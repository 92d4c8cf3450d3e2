using Messaging.Infrastructure.Persistence;
using Messaging.Application.Common.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Infrastructure.Idempotency;

internal static class IdempotencyServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IIdempotencyStore"/> on the messaging database, bound to the <c>Idempotency</c> section.</summary>
    internal static IServiceCollection AddIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<IdempotencyOptions, IdempotencyOptionsValidator>().Bind(configuration.GetSection(IdempotencyOptions.SectionName));
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddPurge<IdempotencyPurge>();
        return services;
    }
}
