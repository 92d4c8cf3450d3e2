namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// axe-core, installed from npm next to this project (<c>package.json</c>, exact version in <c>package-lock.json</c>),
/// injected into the page and run there. The page's own policy admits no foreign script, so the context that runs it
/// sets that policy aside (<see cref="DashboardFixture.BypassCsp"/>).
/// </summary>
public static class AxeCore
{
    public const string InstallCommand = "npm ci --prefix tests/Dashboard.BrowserTests";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>axe.min.js, or null when the npm packages are not installed.</summary>
    public static string? ScriptPath { get; } = Locate();

    /// <summary>Every violation of serious or critical impact on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolations(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (ScriptPath is null)
        {
            throw new InvalidOperationException($"axe-core is not installed; run `{InstallCommand}`.");
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        }

        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')),
              }));
            }
            """);
        return [.. found.Deserialize<AxeViolation[]>(Json)!.Where(v => v.Impact is "serious" or "critical")];
    }

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                var script = Path.Combine(directory.FullName, "node_modules", "axe-core", "axe.min.js");
                return File.Exists(script) ? script : null;
            }
        }

        return null;
    }
}
