using System.Security.Claims;
using System.Text.Encodings.Web;
using Messaging.Api.ProblemResponses;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Messaging.Api.Authentication;

/// <summary>
/// Authenticates a request by the API key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. The principal is named
/// after the key and carries one <see cref="ApiKeyDefaults.ScopeClaim"/> claim per scope; the key itself goes nowhere.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKeys(Request.Headers).Distinct(StringComparer.Ordinal).ToList();
        if (presented.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (presented.Count > 1)
        {
            return Task.FromResult(AuthenticateResult.Fail("More than one API key was sent."));
        }

        if (registry.Find(presented[0]) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not a configured key."));
        }

        // Kept with the request so that what it opens for long can end when the key is revoked.
        Context.Features.Set(key);
        var claims = key.Scopes.Select(scope => new Claim(ApiKeyDefaults.ScopeClaim, scope)).Prepend(new Claim(ClaimTypes.Name, key.Name));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\", Bearer";
        var sentAKey = PresentedKeys(Request.Headers).Any();
        await Context.WriteProblemAsync(sentAKey ? Problems.InvalidApiKey() : Problems.MissingApiKey());
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        // Policies are named after the scope they require, so the endpoint's policies name what the key lacks.
        var required = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy)
            .OfType<string>()
            .Where(policy => !Context.User.HasClaim(ApiKeyDefaults.ScopeClaim, policy))
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        await Context.WriteProblemAsync(Problems.MissingScope(required));
    }

    private static IEnumerable<string> PresentedKeys(IHeaderDictionary headers)
    {
        foreach (var value in headers[ApiKeyDefaults.HeaderName])
        {
            yield return value?.Trim() ?? string.Empty;
        }

        foreach (var value in headers[HeaderNames.Authorization])
        {
            if (value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return value[BearerPrefix.Length..].Trim();
            }
        }
    }
}
