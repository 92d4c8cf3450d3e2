using Messaging.Api.Authorization;
using Messaging.Application.Common.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Api.Authentication;

internal static class ApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// API-key authentication from <c>Auth:ApiKeys</c>, one policy per scope, and a fallback policy that makes a key
    /// necessary for every endpoint that does not say otherwise.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>().Bind(configuration.GetSection(ApiKeyOptions.SectionName));
        services.TryAddSingleton<ApiKeyRegistry>();

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, configureOptions: null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicies.MessagesSend, ScopePolicy(ApiScopes.MessagesSend))
            .AddPolicy(ApiPolicies.MessagesRead, ScopePolicy(ApiScopes.MessagesRead))
            .AddPolicy(ApiPolicies.MetricsRead, ScopePolicy(ApiScopes.MetricsRead))
            .AddPolicy(ApiPolicies.WebhooksManage, ScopePolicy(ApiScopes.WebhooksManage));
        return services;
    }

    private static AuthorizationPolicy ScopePolicy(string scope) =>
        new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyDefaults.ScopeClaim, scope)
            .Build();
}
