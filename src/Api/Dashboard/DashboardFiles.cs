using Messaging.Api.Middleware;
using Microsoft.Net.Http.Headers;

namespace Messaging.Api.Dashboard;

/// <summary>
/// The dashboard's static files. They are served before routing and authorization, so they need no API key: they hold
/// no data, and the dashboard asks for the key before it reads any.
/// </summary>
internal static class DashboardFiles
{
    /// <summary>
    /// The pages load their own scripts, styles and (through blob URLs) media, and nothing from anywhere else; API
    /// answers keep the stricter policy of <see cref="SecurityHeadersMiddleware"/>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;

                // Revalidated on every load, so a new version of the dashboard is never mixed with an old one.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
