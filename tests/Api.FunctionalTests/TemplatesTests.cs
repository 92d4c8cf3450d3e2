using Microsoft.Extensions.Http.Resilience;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// GET /api/templates through the real pipeline, the Twilio SDK and the embedded emulator's Content API, and template
/// sends checked against that catalogue.
/// </summary>
public sealed class TemplatesTests : ApiFixture
{
    private const string Customer = "+14155550123";

    // Retries of the "Twilio" client keep their number but not their back-off, so an outage test is over in milliseconds.
    protected override MessagingApiFactory CreateFactory() => new(configureServices: services => services.Configure<HttpStandardResilienceOptions>(
        "Twilio-standard",
        resilience => resilience.Retry.Delay = TimeSpan.Zero));

    [Test]
    public async Task The_list_shows_each_template_with_its_text_variables_type_and_whatsapp_approval_as_twilio_reports_them()
    {
        var before = DateTimeOffset.UtcNow;
        using var response = await Client.GetAsync(new Uri("/api/templates", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadJsonObject();
        var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.That(items.Select(i => i["sid"]!.GetValue<string>()), Is.EquivalentTo(SampleContentTemplates.All.Select(t => t.Sid)));
        Assert.That(page["nextCursor"], Is.Null);
        Assert.That(page["fetchedAt"]!.GetValue<DateTimeOffset>(), Is.GreaterThanOrEqualTo(before.AddSeconds(-1)));

        var reminder = items.Single(i => i["sid"]!.GetValue<string>() == SampleContentTemplates.AppointmentReminder);
        Assert.That(
            reminder.Select(p => p.Key),
            Is.EqualTo((string[])["sid", "friendlyName", "language", "contentType", "text", "variables", "approvalStatus", "rejectionReason", "category"]));
        foreach (var held in Factory.Emulator().ContentTemplates)
        {
            var item = items.Single(i => i["sid"]!.GetValue<string>() == held.Sid);
            Assert.Multiple(() =>
            {
                Assert.That(item["friendlyName"]!.GetValue<string>(), Is.EqualTo(held.FriendlyName));
                Assert.That(item["language"]!.GetValue<string>(), Is.EqualTo(held.Language));
                Assert.That(item["contentType"]!.GetValue<string>(), Is.EqualTo(held.ContentType));
                Assert.That(item["text"]!.GetValue<string>(), Is.EqualTo(held.Body));
                Assert.That(item["approvalStatus"]!.GetValue<string>(), Is.EqualTo(held.Approval.Status));
                Assert.That(item["rejectionReason"]!.GetValue<string>(), Is.EqualTo(held.Approval.RejectionReason));
                Assert.That(item["category"]!.GetValue<string>(), Is.EqualTo(held.Approval.Category));
                Assert.That(
                    item["variables"]!.AsArray().Select(v => (v!["name"]!.GetValue<string>(), v["sample"]!.GetValue<string>())),
                    Is.EqualTo(held.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value))),
                    held.FriendlyName);
            });
        }
    }

    [Test]
    public async Task Pages_of_the_list_follow_each_other_in_name_order_without_repeats()
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetPage($"/api/templates?limit=3{(cursor is null ? string.Empty : "&cursor=" + cursor)}");
            var items = page["items"]!.AsArray();
            Assert.That(items, Has.Count.LessThanOrEqualTo(3));
            seen.AddRange(items.Select(i => i!["friendlyName"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(SampleContentTemplates.All.Select(t => t.FriendlyName).Order(StringComparer.OrdinalIgnoreCase)));
        Assert.That(Factory.Emulator().ContentRequests, Is.EqualTo(1), "every page came from the one catalogue read");
    }

    [TestCase("?status=approved", new[] { "appointment_reminder", "invoice_ready", "order_shipped_es", "order_shipped_pt_br", "support_follow_up" })]
    [TestCase("?status=REJECTED", new[] { "welcome_offer" })]
    [TestCase("?language=es", new[] { "appointment_reminder_es", "order_shipped_es" })]
    [TestCase("?name=ORDER&language=pt_br", new[] { "order_shipped_pt_br" })]
    [TestCase("?status=paused", new string[0])]
    public async Task The_list_filters_by_status_language_and_name(string query, string[] expected)
    {
        var page = await GetPage("/api/templates" + query);

        Assert.That(page["items"]!.AsArray().Select(i => i!["friendlyName"]!.GetValue<string>()), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_catalogue_is_kept_until_a_refresh_reads_what_changed_at_twilio()
    {
        await GetPage("/api/templates");
        Factory.Emulator().ReplaceContentTemplates(SampleContentTemplates.All.Select(t =>
            t.Sid == SampleContentTemplates.PaymentDue ? t with { Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved } } : t));

        var cached = await GetPage("/api/templates?name=payment_due");
        Assert.That(Factory.Emulator().ContentRequests, Is.EqualTo(1));
        var refreshed = await GetPage("/api/templates?name=payment_due&refresh=true");

        Assert.Multiple(() =>
        {
            Assert.That(cached["items"]![0]!["approvalStatus"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(refreshed["items"]![0]!["approvalStatus"]!.GetValue<string>(), Is.EqualTo("approved"));
            Assert.That(refreshed["fetchedAt"]!.GetValue<DateTimeOffset>(), Is.GreaterThan(cached["fetchedAt"]!.GetValue<DateTimeOffset>()));
            Assert.That(Factory.Emulator().ContentRequests, Is.EqualTo(2));
        });
    }

    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase(TestApiKeys.SendOnly, HttpStatusCode.Forbidden)]
    [TestCase(TestApiKeys.ReadOnly, HttpStatusCode.OK)]
    [TestCase(TestApiKeys.Full, HttpStatusCode.OK)]
    public async Task Reading_templates_needs_the_read_scope(string? apiKey, HttpStatusCode expected)
    {
        using var client = Factory.CreateClient(apiKey);

        using var response = await client.GetAsync(new Uri("/api/templates", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(Factory.Emulator().ContentRequests, Is.EqualTo(expected == HttpStatusCode.OK ? 1 : 0));
    }

    [Test]
    public async Task A_twilio_outage_is_a_502_problem_and_the_next_request_reads_again()
    {
        Factory.Emulator().InjectFault(TwilioFault.Error(503), count: 4, TwilioFaultTarget.AnyRequest);

        using var failed = await Client.GetAsync(new Uri("/api/templates", UriKind.Relative));
        using var recovered = await Client.GetAsync(new Uri("/api/templates", UriKind.Relative));

        var problem = await failed.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(failed.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("Twilio is unavailable."));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Nothing was sent or stored"));
            Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Factory.Emulator().ContentRequests, Is.EqualTo(5), "four failed attempts, then one read");
        });
    }

    [Test]
    public async Task Statuses_the_service_does_not_know_are_listed_as_twilio_reports_them_and_never_as_approved()
    {
        var authToken = Guid.NewGuid().ToString("N");
        string[] statuses = ["paused", "disabled", "in_appeal", "unsubmitted"];
        await using var twilio = await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions
        {
            AccountSid = "AC" + Guid.NewGuid().ToString("N"),
            AuthToken = authToken,
            ContentTemplates =
            [
                .. SampleContentTemplates.All.Take(4).Select((t, i) => t with
                {
                    Approval = new WhatsAppApproval { Status = statuses[i] },
                }),
            ],
        });
        using var factory = new MessagingApiFactory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:From"] = "whatsapp:+14155238886",
            ["Twilio:ApiBaseUrl"] = twilio.BaseAddress.ToString(),
        });
        using var client = factory.CreateClient();

        var all = await GetPage(client, "/api/templates");
        var approved = await GetPage(client, "/api/templates?status=approved");
        using var send = await client.PostMessage(new
        {
            to = Customer,
            contentSid = SampleContentTemplates.AppointmentReminder,
            contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "12/1" },
        });

        Assert.That(
            all["items"]!.AsArray().Select(i => i!["approvalStatus"]!.GetValue<string>()),
            Is.EquivalentTo(statuses));
        Assert.That(approved["items"]!.AsArray(), Is.Empty);
        Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await send.ReadJsonObject())["approvalStatus"]!.GetValue<string>(), Is.EqualTo("paused"));
        Assert.That(twilio.CreateMessageRequests, Is.Zero);
    }

    [Test]
    public async Task A_template_send_is_stored_and_listed_with_the_text_the_customer_received()
    {
        using var response = await Client.PostMessage(new
        {
            to = Customer,
            contentSid = SampleContentTemplates.OrderShippedSpanish,
            contentVariables = new Dictionary<string, string> { ["1"] = "Lucía", ["2"] = "#5120" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        const string received = "Hola Lucía, tu pedido #5120 ya está en camino.";
        var sent = await response.ReadJsonObject();
        var thread = await GetPage($"/api/messages?contact=%2B{Customer[1..]}");
        var conversations = await GetPage("/api/conversations");
        Assert.Multiple(() =>
        {
            Assert.That(sent["body"]!.GetValue<string>(), Is.EqualTo(received));
            Assert.That(sent["contentSid"]!.GetValue<string>(), Is.EqualTo(SampleContentTemplates.OrderShippedSpanish));
            Assert.That(Factory.Emulator().Messages.Single().Body, Is.EqualTo(received), "Twilio rendered the same text");
            Assert.That(thread["items"]![0]!["body"]!.GetValue<string>(), Is.EqualTo(received));
            Assert.That(conversations["items"]![0]!["lastMessage"]!["body"]!.GetValue<string>(), Is.EqualTo(received));
        });
    }

    [Test]
    public async Task A_template_approved_at_twilio_after_the_catalogue_was_read_can_be_sent_once_the_recheck_age_allows()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["Templates:RecheckSeconds"] = "0" });
        using var client = factory.CreateClient();
        await GetPage(client, "/api/templates");
        factory.Emulator().ReplaceContentTemplates(SampleContentTemplates.All.Select(t =>
            t.Sid == SampleContentTemplates.PaymentDue ? t with { Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved } } : t));

        using var response = await client.PostMessage(new
        {
            to = Customer,
            contentSid = SampleContentTemplates.PaymentDue,
            contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "$42.00", ["3"] = "12/5" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(factory.Emulator().ContentRequests, Is.EqualTo(2));
    }

    [TestCase(SampleContentTemplates.PaymentDue, "pending")]
    [TestCase(SampleContentTemplates.AppointmentReminderSpanish, "received")]
    [TestCase(SampleContentTemplates.WelcomeOffer, "rejected")]
    public async Task A_template_not_approved_for_whatsapp_is_refused_with_422_before_twilio(string contentSid, string status)
    {
        var template = SampleContentTemplates.All.Single(t => t.Sid == contentSid);

        var problem = await RefusedSend(new { to = Customer, contentSid, contentVariables = template.Variables });

        Assert.Multiple(() =>
        {
            Assert.That(problem["contentSid"]!.GetValue<string>(), Is.EqualTo(contentSid));
            Assert.That(problem["approvalStatus"]!.GetValue<string>(), Is.EqualTo(status));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"'{template.FriendlyName}'").And.Contain($"'{status}'"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(template.Approval.RejectionReason));
            Assert.That(problem.ContainsKey("missingVariables"), Is.False);
        });
    }

    [Test]
    public async Task An_unknown_template_is_refused_with_422_before_twilio()
    {
        const string unknown = "HX00000000000000000000000000000000";

        var problem = await RefusedSend(new { to = Customer, contentSid = unknown });

        Assert.That(problem["contentSid"]!.GetValue<string>(), Is.EqualTo(unknown));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"no content template {unknown}"));
        Assert.That(problem.ContainsKey("approvalStatus"), Is.False);
    }

    [TestCase(new[] { "1" }, new[] { "2" }, new string[0])]
    [TestCase(new string[0], new[] { "1", "2" }, new string[0])]
    [TestCase(new[] { "1", "2", "3" }, new string[0], new[] { "3" })]
    [TestCase(new[] { "2", "first_name" }, new[] { "1" }, new[] { "first_name" })]
    public async Task Variables_that_are_missing_or_not_the_templates_are_refused_with_422_naming_them(
        string[] given, string[] missing, string[] extra)
    {
        var problem = await RefusedSend(new
        {
            to = Customer,
            contentSid = SampleContentTemplates.AppointmentReminder,
            contentVariables = given.Length == 0 ? null : given.ToDictionary(name => name, name => "value " + name),
        });

        Assert.Multiple(() =>
        {
            Assert.That(problem["missingVariables"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(missing));
            Assert.That(problem["extraVariables"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(extra));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("'appointment_reminder'").And.Contain("takes the variables 1, 2"));
        });
    }

    private async Task<JsonObject> RefusedSend(object body)
    {
        using var response = await Client.PostMessage(body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("The template cannot be sent."));
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.Zero, "Twilio was never asked to send");
        Assert.That(await Factory.StoredMessageCount(), Is.Zero);
        return problem;
    }

    private Task<JsonObject> GetPage(string path) => GetPage(Client, path);

    private static async Task<JsonObject> GetPage(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonObject();
    }
}
