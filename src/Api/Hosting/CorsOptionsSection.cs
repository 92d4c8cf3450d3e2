namespace Messaging.Api.Hosting;

/// <summary>The <c>Cors</c> configuration section. No origins, the default, means no browser page may call the API.</summary>
public sealed class CorsOptionsSection
{
    public const string SectionName = "Cors";

    /// <summary>Exact origins of the dashboards allowed to call the API from a browser, e.g. <c>https://support.example.com</c>.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
