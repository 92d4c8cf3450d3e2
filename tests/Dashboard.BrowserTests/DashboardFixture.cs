namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// The dashboard in Debian's Chromium, headless, against the service on Kestrel with the embedded emulator. One service
/// per fixture keeps the suite fast; each test has its own browser context and its own customers. The browser runs in
/// UTC with US English, so times and days read the same on every machine.
/// </summary>
public abstract class DashboardFixture
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly List<string> _externalRequests = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;

    protected DashboardApp App { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>The conversation rows, in the order the list shows them.</summary>
    protected ILocator Rows => Page.Locator("#conversations li[data-contact]");

    /// <summary>Whether the page's own Content-Security-Policy is set aside, so that a test can inject a script.</summary>
    protected virtual bool BypassCsp => false;

    /// <summary>Why the fixture's tests cannot run here, beyond a missing Chromium; they are then reported skipped.</summary>
    protected virtual string? MissingPrerequisite => null;

    [OneTimeSetUp]
    public async Task StartServiceAndBrowser()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"Chromium is not installed at {ChromiumPath}; install the 'chromium' package to run the browser tests.");
        }

        if (MissingPrerequisite is { } missing)
        {
            Assert.Ignore(missing);
        }

        App = new DashboardApp();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [OneTimeTearDown]
    public async Task StopServiceAndBrowser()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        App?.Dispose();
    }

    [SetUp]
    public async Task OpenPage()
    {
        _externalRequests.Clear();
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1200, Height = 800 },
            Locale = "en-US",
            TimezoneId = "UTC",
            BypassCSP = BypassCsp,
        });
        // Patience for what a person would see, not a pause: each wait ends as soon as the page shows it. The default
        // 5 s of an expectation is shorter than a send's round trip (SDK, emulator, store) on a loaded two-core machine.
        _context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        Page = await _context.NewPageAsync();
        Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(App.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                _externalRequests.Add(request.Url);
            }
        };
        await Page.GotoAsync("/");
    }

    [TearDown]
    public async Task SaveScreenshot()
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, TestContext.CurrentContext.Test.Name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, TestContext.CurrentContext.Test.Name);
        await _context.CloseAsync();
        Assert.That(_externalRequests, Is.Empty, "the dashboard requests nothing from any other address");
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The row of the customer with the number <paramref name="e164"/>.</summary>
    protected ILocator Row(string e164) => Page.Locator($"#conversations li[data-contact='whatsapp:{e164}']");

    protected ILocator Bubble(string text, string direction = "inbound") =>
        Page.Locator($"#messages .bubble.{direction}", new PageLocatorOptions { HasText = text });

    protected async Task SignIn(string key = DashboardApp.ApiKey)
    {
        await Page.Locator("#api-key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }

    protected async Task CustomerWrites(string from, string body, string profileName, string? media = null)
    {
        var inbound = await App.Emulator.SimulateInboundAsync(from, body, media, profileName, CancellationToken.None);
        Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200), "the service accepted the simulated inbound webhook");
    }

    /// <summary>Writes <paramref name="text"/> in the composer and sends it with Enter.</summary>
    protected async Task Reply(string text)
    {
        await Page.Locator("#composer-text").FillAsync(text);
        await Page.Locator("#composer-text").PressAsync("Enter");
    }

    /// <summary>Opens a conversation as a person does, and waits until its thread is shown.</summary>
    protected async Task Open(string e164, string name)
    {
        await Row(e164).Locator("button").ClickAsync();
        await Expect(Page.Locator("#thread-title")).ToHaveTextAsync($"{name} · {e164}");
    }

    /// <summary>
    /// The numbers of the rows, top to bottom, as shown now; with <paramref name="among"/>, only those rows (the
    /// fixture's other tests have customers of their own).
    /// </summary>
    protected async Task<string[]> ShownOrder(params string[] among)
    {
        var shown = await Rows.EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.contact.replace('whatsapp:', ''))");
        return among.Length == 0 ? shown : [.. shown.Where(among.Contains)];
    }
}
