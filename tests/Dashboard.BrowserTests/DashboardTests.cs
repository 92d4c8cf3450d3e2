using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// The dashboard in Debian's Chromium, headless, against the service on Kestrel with the embedded emulator. One service
/// for the fixture keeps the suite fast; each test has its own browser context and its own customers.
/// </summary>
[NonParallelizable]
public sealed partial class DashboardTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private DashboardApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _externalRequests = [];

    [OneTimeSetUp]
    public async Task StartServiceAndBrowser()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"Chromium is not installed at {ChromiumPath}; install the 'chromium' package to run the browser tests.");
        }

        _app = new DashboardApp();
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
        _app?.Dispose();
    }

    [SetUp]
    public async Task OpenPage()
    {
        _externalRequests.Clear();
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1200, Height = 800 },
        });
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
        _page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_app.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                _externalRequests.Add(request.Url);
            }
        };
        await _page.GotoAsync("/");
    }

    [TearDown]
    public async Task SaveScreenshot()
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, TestContext.CurrentContext.Test.Name + ".png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, TestContext.CurrentContext.Test.Name);
        await _context.CloseAsync();
        Assert.That(_externalRequests, Is.Empty, "the dashboard requests nothing from any other address");
    }

    [Test]
    public async Task Signing_in_with_the_key_shows_the_conversations_newest_first()
    {
        await CustomerWrites("+14155550110", "First question", "Ana");
        await CustomerWrites("+14155550111", "Second question", "Ben");

        await SignIn(DashboardApp.ApiKey);

        var conversations = _page.Locator("#conversations li[data-contact]");
        await Assertions.Expect(conversations.First).ToContainTextAsync("Ben");
        await Assertions.Expect(_page.Locator("#conversations li[data-contact='whatsapp:+14155550110']")).ToContainTextAsync("First question");
        await Assertions.Expect(_page.Locator("#live")).ToHaveTextAsync("Live");
    }

    [Test]
    public async Task A_wrong_key_is_refused_with_a_clear_message()
    {
        await SignIn("not-a-key");

        await Assertions.Expect(_page.Locator("#sign-in-error")).ToContainTextAsync("refused");
        await Assertions.Expect(_page.Locator("#app")).ToBeHiddenAsync();
        Assert.That(await _page.EvaluateAsync<string?>("sessionStorage.getItem('messaging.apiKey')"), Is.Null);
    }

    [Test]
    public async Task A_sent_text_appears_once_and_its_ticks_advance_to_read()
    {
        await CustomerWrites("+14155550120", "Where is my order?", "Cleo");
        await SignIn(DashboardApp.ApiKey);
        await _page.Locator("#conversations li[data-contact='whatsapp:+14155550120'] button").ClickAsync();
        await Assertions.Expect(_page.Locator("#messages .bubble.inbound")).ToContainTextAsync("Where is my order?");

        await _page.Locator("#composer-text").FillAsync("It ships today");
        await _page.Locator("#composer-text").PressAsync("Enter");

        var sent = _page.Locator("#messages .bubble.outbound", new PageLocatorOptions { HasText = "It ships today" });
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(sent).ToHaveAttributeAsync("data-status", "read");
        await Assertions.Expect(sent.Locator(".ticks.read")).ToHaveTextAsync("✓✓");
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#conversations li[data-contact='whatsapp:+14155550120'] .conv-count")).ToHaveTextAsync("2");
    }

    [Test]
    public async Task A_simulated_inbound_message_appears_live_and_moves_its_conversation_to_the_top()
    {
        await CustomerWrites("+14155550130", "Hello from Dana", "Dana");
        await CustomerWrites("+14155550131", "Hello from Eli", "Eli");
        await SignIn(DashboardApp.ApiKey);
        await _page.Locator("#conversations li[data-contact='whatsapp:+14155550130'] button").ClickAsync();
        await Assertions.Expect(_page.Locator("#live")).ToHaveTextAsync("Live");
        Assert.That(await _page.Locator("#conversations li[data-contact]").First.GetAttributeAsync("data-contact"), Is.Not.EqualTo("whatsapp:+14155550130"));

        await CustomerWrites("+14155550130", "Are you there?", "Dana");

        await Assertions.Expect(_page.Locator("#messages .bubble.inbound", new PageLocatorOptions { HasText = "Are you there?" })).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#conversations li[data-contact]").First).ToHaveAttributeAsync("data-contact", "whatsapp:+14155550130");
        await Assertions.Expect(_page.Locator("#conversations li[data-contact]").First).ToContainTextAsync("Are you there?");
    }

    [Test]
    public async Task A_send_twilio_refuses_shows_its_error_next_to_the_composer_and_in_the_thread()
    {
        // The customer-service window is enforced, so the test number writes in first; Twilio then refuses the reply.
        await CustomerWrites("+15005550001", "Hi", "Test number");
        await SignIn(DashboardApp.ApiKey);
        await _page.Locator("#new-contact").FillAsync("+15005550001");
        await _page.Locator("#new-conversation button").ClickAsync();

        await _page.Locator("#composer-text").FillAsync("Hello?");
        await _page.Locator("#composer-send").ClickAsync();

        await Assertions.Expect(_page.Locator("#composer-error")).ToContainTextAsync("Twilio rejected the message.");
        var failed = _page.Locator("#messages .bubble.outbound", new PageLocatorOptions { HasText = "Hello?" });
        await Assertions.Expect(failed).ToHaveCountAsync(1);
        await Assertions.Expect(failed.Locator(".failure")).ToContainTextAsync(TwilioCode21211());
        await Assertions.Expect(_page.Locator("#composer-text")).ToHaveValueAsync("Hello?");
    }

    [Test]
    public async Task A_send_whose_answer_is_lost_is_retried_with_the_same_idempotency_key_and_sent_once()
    {
        await CustomerWrites("+14155550140", "Can you call me?", "Finn");
        await SignIn(DashboardApp.ApiKey);
        await _page.Locator("#conversations li[data-contact='whatsapp:+14155550140'] button").ClickAsync();
        var keys = new List<string>();
        var dropped = false;
        await _page.RouteAsync("**/api/messages", async route =>
        {
            keys.Add(route.Request.Headers["idempotency-key"]);
            if (dropped)
            {
                await route.ContinueAsync();
                return;
            }

            // The service handles the send, but its answer never reaches the browser.
            dropped = true;
            await route.FetchAsync();
            await route.AbortAsync();
        });
        var createsBefore = _app.Emulator.CreateMessageRequests;

        await _page.Locator("#composer-text").FillAsync("Calling you now");
        await _page.Locator("#composer-text").PressAsync("Enter");
        await Assertions.Expect(_page.Locator("#composer-error")).ToContainTextAsync("retry");
        await _page.Locator("#composer-send").ClickAsync();

        await Assertions.Expect(_page.Locator("#composer-text")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(_page.Locator("#messages .bubble.outbound", new PageLocatorOptions { HasText = "Calling you now" })).ToHaveCountAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(keys, Has.Count.EqualTo(2));
            Assert.That(keys.Distinct(), Has.Exactly(1).Items, "the retry carried the first attempt's key");
            Assert.That(_app.Emulator.CreateMessageRequests - createsBefore, Is.EqualTo(1), "Twilio was asked once");
        });
    }

    [Test]
    public async Task A_picture_from_the_customer_is_shown_as_a_thumbnail_fetched_with_the_key()
    {
        var inbound = await _app.Emulator.SimulateInboundAsync("+14155550160", "Here is the damage", "image/png", "Hana", CancellationToken.None);
        Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200));
        await SignIn(DashboardApp.ApiKey);

        await _page.Locator("#conversations li[data-contact='whatsapp:+14155550160'] button").ClickAsync();

        var thumbnail = _page.Locator("#messages .bubble.inbound img");
        await Assertions.Expect(thumbnail).ToHaveAttributeAsync("src", BlobUrl());
        await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.That(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), "the picture decoded");
    }

    [Test]
    public async Task On_a_phone_sized_screen_the_list_and_the_thread_take_turns()
    {
        await CustomerWrites("+14155550150", "Small screen here", "Gus");
        await _page.SetViewportSizeAsync(390, 760);
        await SignIn(DashboardApp.ApiKey);

        await _page.Locator("#conversations li[data-contact='whatsapp:+14155550150'] button").ClickAsync();
        await Assertions.Expect(_page.Locator("#messages .bubble.inbound")).ToContainTextAsync("Small screen here");
        await Assertions.Expect(_page.Locator("#conversations")).ToBeHiddenAsync();

        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Back to conversations" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#conversations")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#messages")).ToBeHiddenAsync();
    }

    [GeneratedRegex("^blob:")]
    private static partial Regex BlobUrl();

    [GeneratedRegex("21211")]
    private static partial Regex TwilioCode21211();

    private async Task SignIn(string key)
    {
        await _page.Locator("#api-key").FillAsync(key);
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }

    private async Task CustomerWrites(string from, string body, string profileName)
    {
        var inbound = await _app.Emulator.SimulateInboundAsync(from, body, null, profileName, CancellationToken.None);
        Assert.That(inbound.Webhook.StatusCode, Is.EqualTo(200), "the service accepted the simulated inbound webhook");
    }
}
