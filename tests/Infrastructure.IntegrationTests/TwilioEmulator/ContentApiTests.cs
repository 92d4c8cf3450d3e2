using Newtonsoft.Json.Linq;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Content.V1;
using Twilio.Rest.Content.V1.Content;
using Twilio.Types;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class ContentApiTests : EmulatorFixture
{
    [Test]
    public async Task Every_content_api_request_is_counted_faulted_and_refused_ones_included()
    {
        await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions { PageSize = 5 }, Sdk.Rest);
        Emulator.Server.InjectFault(TwilioFault.Error(503), target: TwilioFaultTarget.AnyRequest);
        using var faulted = await Emulator.Http.GetAsync(new Uri("/v1/Content", UriKind.Relative));
        using var anonymous = await Emulator.Http.GetAsync(new Uri($"/v1/Content/{SampleContentTemplates.AppointmentReminder}", UriKind.Relative));

        Assert.That(Emulator.Server.ContentRequests, Is.EqualTo(3));
        Assert.That(Emulator.Server.CreateMessageRequests, Is.Zero);

        using var stats = await Emulator.Http.GetAsync(new Uri("/emulator/stats", UriKind.Relative));
        Assert.That(await stats.Content.ReadAsStringAsync(), Does.Contain("\"contentRequests\":3"));
    }

    [Test]
    public async Task A_replaced_catalogue_is_served_from_the_next_request_on()
    {
        var approved = SampleContentTemplates.All
            .Where(t => t.Sid != SampleContentTemplates.WelcomeOffer)
            .Select(t => t.Sid == SampleContentTemplates.PaymentDue ? t with { Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Approved } } : t)
            .ToList();

        Emulator.Server.ReplaceContentTemplates(approved);
        var read = (await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions(), Sdk.Rest)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(c => c.Sid), Is.EqualTo(approved.Select(t => t.Sid)));
            Assert.That(Emulator.Server.ContentTemplates.Select(t => t.Sid), Is.EqualTo(approved.Select(t => t.Sid)));
            Assert.That(
                ((JObject)read.Single(c => c.Sid == SampleContentTemplates.PaymentDue).ApprovalRequests)["status"]!.ToString(),
                Is.EqualTo("approved"));
        });
    }

    [Test]
    public async Task Sends_follow_the_replaced_catalogue()
    {
        Emulator.Server.ReplaceContentTemplates(SampleContentTemplates.All.Where(t => t.Sid != SampleContentTemplates.AppointmentReminder));

        var refused = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(
            new CreateMessageOptions(new PhoneNumber("whatsapp:+14155550123"))
            {
                From = new PhoneNumber(EmulatorClient.Sender),
                ContentSid = SampleContentTemplates.AppointmentReminder,
            },
            Sdk.Rest));

        Assert.That(refused!.Code, Is.EqualTo(21655));
    }

    [Test]
    public void A_replacement_is_checked_like_the_catalogue_at_start()
    {
        var twice = SampleContentTemplates.All.Take(1).Concat(SampleContentTemplates.All.Take(1));

        Assert.Throws<ArgumentException>(() => Emulator.Server.ReplaceContentTemplates(twice));
        Assert.That(Emulator.Server.ContentTemplates, Has.Count.EqualTo(SampleContentTemplates.All.Count), "the catalogue before stays");
    }

    [Test]
    public async Task The_sdk_reads_the_whole_catalogue_with_approvals_following_the_pages()
    {
        var read = (await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions { PageSize = 3 }, Sdk.Rest)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(c => c.Sid), Is.EqualTo(SampleContentTemplates.All.Select(t => t.Sid)));
            Assert.That(Sdk.Requested, Has.Count.EqualTo(3), "one request per page of three");
            // The SDK builds the first address for Twilio's host and follows the emulator's own next_page_url after it.
            Assert.That(Sdk.Requested[0].Host, Is.EqualTo("content.twilio.com"));
            Assert.That(Sdk.Requested.Skip(1).Select(u => u.Authority), Has.All.EqualTo(Emulator.Server.BaseAddress.Authority));
            Assert.That(read.Select(c => c.AccountSid), Has.All.EqualTo(Emulator.Options.AccountSid));
        });
    }

    [Test]
    public async Task The_sdk_parses_a_template_with_its_text_variables_and_approval()
    {
        var read = await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions(), Sdk.Rest);

        var reminder = read.Single(c => c.Sid == SampleContentTemplates.AppointmentReminder);
        var types = (JObject)reminder.Types;
        var approval = (JObject)reminder.ApprovalRequests;
        var variables = (JObject)reminder.Variables;
        Assert.Multiple(() =>
        {
            Assert.That(reminder.FriendlyName, Is.EqualTo("appointment_reminder"));
            Assert.That(reminder.Language, Is.EqualTo("en"));
            Assert.That(reminder.DateCreated, Is.EqualTo(new DateTime(2026, 9, 14, 9, 30, 0, DateTimeKind.Utc)));
            Assert.That(
                types["twilio/text"]!["body"]!.Value<string>(),
                Is.EqualTo("Hi {{1}}, this is a reminder of your appointment on {{2}}. Reply to this message if you need to change it."));
            Assert.That(variables["1"]!.Value<string>(), Is.EqualTo("Maria"));
            Assert.That(variables["2"]!.Value<string>(), Is.EqualTo("12/1 at 3pm"));
            Assert.That(approval["status"]!.Value<string>(), Is.EqualTo("approved"));
            Assert.That(approval["name"]!.Value<string>(), Is.EqualTo("appointment_reminder"));
            Assert.That(approval["category"]!.Value<string>(), Is.EqualTo("UTILITY"));
            Assert.That(approval["content_type"]!.Value<string>(), Is.EqualTo("twilio/text"));
            Assert.That(approval["rejection_reason"]!.Value<string>(), Is.Empty);
            Assert.That(approval["allow_category_change"]!.Value<bool>(), Is.True);
        });
    }

    [Test]
    public async Task The_catalogue_holds_approved_waiting_and_rejected_templates_of_every_type_and_language()
    {
        var read = (await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions(), Sdk.Rest)).ToList();

        var statuses = read.Select(c => ((JObject)c.ApprovalRequests)["status"]!.Value<string>()).ToList();
        var types = read.SelectMany(c => ((JObject)c.Types).Properties().Select(p => p.Name)).Distinct();
        var rejected = read.Single(c => c.Sid == SampleContentTemplates.WelcomeOffer);
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.SupersetOf((string[])["approved", "pending", "received", "rejected"]));
            Assert.That(types, Is.EquivalentTo((string[])["twilio/text", "twilio/media", "twilio/quick-reply", "twilio/call-to-action"]));
            Assert.That(read.Select(c => c.Language).Distinct(), Is.EquivalentTo((string[])["en", "es", "pt_BR"]));
            Assert.That(((JObject)rejected.ApprovalRequests)["rejection_reason"]!.Value<string>(), Does.StartWith("TAG_CONTENT_MISMATCH"));
        });
    }

    [Test]
    public async Task The_sdk_fetches_one_template_with_its_links()
    {
        var content = await ContentResource.FetchAsync(SampleContentTemplates.SupportFollowUp, Sdk.Rest);

        var quickReply = ((JObject)content._Types)["twilio/quick-reply"]!;
        var origin = Emulator.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Multiple(() =>
        {
            Assert.That(content.Sid, Is.EqualTo(SampleContentTemplates.SupportFollowUp));
            Assert.That(content.FriendlyName, Is.EqualTo("support_follow_up"));
            Assert.That(quickReply["body"]!.Value<string>(), Is.EqualTo("Hi {{1}}, did we solve your problem with {{2}}?"));
            Assert.That(quickReply["actions"]!.Select(a => a["title"]!.Value<string>()), Is.EqualTo((string[])["Yes, thanks", "No, I need help"]));
            Assert.That(quickReply["actions"]!.Select(a => a["id"]!.Value<string>()), Is.EqualTo((string[])["resolved", "not_resolved"]));
            Assert.That(content.Url, Is.EqualTo(new Uri($"{origin}/v1/Content/{SampleContentTemplates.SupportFollowUp}")));
            Assert.That(content.Links["approval_fetch"], Is.EqualTo($"{origin}/v1/Content/{SampleContentTemplates.SupportFollowUp}/ApprovalRequests"));
        });
    }

    [Test]
    public async Task The_sdk_fetches_a_template_approval_request()
    {
        var approval = await ApprovalFetchResource.FetchAsync(SampleContentTemplates.PaymentDue, Sdk.Rest);

        var whatsapp = (JObject)approval.Whatsapp;
        Assert.Multiple(() =>
        {
            Assert.That(approval.Sid, Is.EqualTo(SampleContentTemplates.PaymentDue));
            Assert.That(approval.AccountSid, Is.EqualTo(Emulator.Options.AccountSid));
            Assert.That(whatsapp["type"]!.Value<string>(), Is.EqualTo("whatsapp"));
            Assert.That(whatsapp["status"]!.Value<string>(), Is.EqualTo("pending"));
            Assert.That(whatsapp["content_type"]!.Value<string>(), Is.EqualTo("twilio/call-to-action"));
            Assert.That(whatsapp["name"]!.Value<string>(), Is.EqualTo("payment_due"));
        });
    }

    [Test]
    public async Task Fetching_an_unknown_template_is_404_with_20404()
    {
        var missing = await Assert.ThrowsAsync<ApiException>(() => ContentResource.FetchAsync("HX" + Guid.NewGuid().ToString("N"), Sdk.Rest));

        Assert.Multiple(() =>
        {
            Assert.That(missing!.Status, Is.EqualTo(404));
            Assert.That(missing.Code, Is.EqualTo(20404));
        });
    }

    [Test]
    public async Task The_content_api_needs_the_account_credentials()
    {
        using var anonymous = await GetAsync("/v1/ContentAndApprovals", auth: false);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_page_has_the_content_api_json_with_meta_urls_on_the_host_asked()
    {
        var origin = Emulator.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var first = await GetJsonAsync("/v1/ContentAndApprovals?PageSize=5");
        var second = await GetJsonAsync(new Uri(first.GetProperty("meta").GetProperty("next_page_url").GetString()!).PathAndQuery);

        var meta = first.GetProperty("meta");
        var contents = first.GetProperty("contents");
        var secondMeta = second.GetProperty("meta");
        var all = SampleContentTemplates.All;
        Assert.Multiple(() =>
        {
            Assert.That(contents.GetArrayLength(), Is.EqualTo(5));
            Assert.That(meta.GetProperty("page").GetInt32(), Is.Zero);
            Assert.That(meta.GetProperty("page_size").GetInt32(), Is.EqualTo(5));
            Assert.That(meta.GetProperty("key").GetString(), Is.EqualTo("contents"));
            Assert.That(meta.GetProperty("url").GetString(), Is.EqualTo($"{origin}/v1/ContentAndApprovals?PageSize=5&Page=0"));
            Assert.That(meta.GetProperty("first_page_url").GetString(), Is.EqualTo($"{origin}/v1/ContentAndApprovals?PageSize=5&Page=0"));
            Assert.That(meta.GetProperty("previous_page_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(
                meta.GetProperty("next_page_url").GetString(),
                Is.EqualTo($"{origin}/v1/ContentAndApprovals?PageSize=5&Page=1&PageToken=PA{all[4].Sid}"));
            Assert.That(second.GetProperty("contents").GetArrayLength(), Is.EqualTo(all.Count - 5));
            Assert.That(secondMeta.GetProperty("page").GetInt32(), Is.EqualTo(1));
            Assert.That(secondMeta.GetProperty("next_page_url").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(
                secondMeta.GetProperty("previous_page_url").GetString(),
                Is.EqualTo($"{origin}/v1/ContentAndApprovals?PageSize=5&Page=0&PageToken=PB{all[5].Sid}"));
        });
    }

    [Test]
    public async Task A_template_and_its_approval_have_Twilio_field_names_and_types()
    {
        var page = await GetJsonAsync("/v1/ContentAndApprovals");
        var payment = page.GetProperty("contents").EnumerateArray().Single(c => c.GetProperty("sid").GetString() == SampleContentTemplates.PaymentDue);

        Assert.Multiple(() =>
        {
            Assert.That(
                payment.EnumerateObject().Select(p => p.Name),
                Is.EqualTo((string[])["date_created", "date_updated", "sid", "account_sid", "friendly_name", "language", "variables", "types", "approval_requests"]));
            Assert.That(payment.GetProperty("date_created").GetString(), Is.EqualTo("2026-09-24T09:30:00Z"));
            Assert.That(
                payment.GetProperty("approval_requests").EnumerateObject().Select(p => p.Name),
                Is.EqualTo((string[])["name", "category", "content_type", "status", "rejection_reason", "allow_category_change"]));
            Assert.That(payment.GetProperty("approval_requests").GetProperty("allow_category_change").ValueKind, Is.EqualTo(JsonValueKind.True));
            var action = payment.GetProperty("types").GetProperty("twilio/call-to-action").GetProperty("actions")[0];
            Assert.That(action.GetProperty("type").GetString(), Is.EqualTo("URL"));
            Assert.That(action.GetProperty("title").GetString(), Is.EqualTo("Pay now"));
            Assert.That(action.GetProperty("url").GetString(), Is.EqualTo("https://example.com/pay"));
            Assert.That(action.TryGetProperty("phone", out _), Is.False);
            Assert.That(payment.GetProperty("variables").GetProperty("3").GetString(), Is.EqualTo("12/5"));
        });
    }

    [Test]
    public async Task The_plain_content_list_has_urls_and_links_instead_of_approvals()
    {
        var page = await GetJsonAsync("/v1/Content?PageSize=1");

        var content = page.GetProperty("contents")[0];
        Assert.Multiple(() =>
        {
            Assert.That(content.TryGetProperty("approval_requests", out _), Is.False);
            Assert.That(content.GetProperty("url").GetString(), Does.EndWith($"/v1/Content/{SampleContentTemplates.AppointmentReminder}"));
            Assert.That(
                content.GetProperty("links").GetProperty("approval_create").GetString(),
                Does.EndWith($"/v1/Content/{SampleContentTemplates.AppointmentReminder}/ApprovalRequests/whatsapp"));
            Assert.That(page.GetProperty("meta").GetProperty("next_page_url").GetString(), Does.Contain("/v1/Content?PageSize=1&Page=1&PageToken=PA"));
        });
    }

    [Test]
    public async Task A_media_template_lists_its_media()
    {
        var content = await GetJsonAsync($"/v1/Content/{SampleContentTemplates.InvoiceReady}");

        var media = content.GetProperty("types").GetProperty("twilio/media");
        Assert.Multiple(() =>
        {
            Assert.That(media.GetProperty("body").GetString(), Is.EqualTo("Hi {{1}}, your invoice {{2}} is attached."));
            Assert.That(media.GetProperty("media")[0].GetString(), Is.EqualTo("https://example.com/invoices/{{2}}.pdf"));
        });
    }

    [Test]
    public async Task Tests_can_replace_the_catalogue_and_the_server_shows_it()
    {
        var own = new ContentTemplate
        {
            Sid = "HX" + new string('a', 32),
            FriendlyName = "never_submitted",
            Language = "en",
            ContentType = "twilio/text",
            Body = "Hello {{name}}",
            Variables = new Dictionary<string, string> { ["name"] = "there" },
            Approval = new WhatsAppApproval { Status = WhatsAppApprovalStatus.Unsubmitted },
        };
        var variables = (Dictionary<string, string>)own.Variables;
        await using var emulator = await EmulatorClient.StartAsync(o => o.ContentTemplates = [own]);
        using var sdk = emulator.Sdk();
        variables["name"] = "changed after the start";

        var read = (await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions(), sdk.Rest)).Single();

        var approval = (JObject)read.ApprovalRequests;
        Assert.Multiple(() =>
        {
            Assert.That(((JObject)read.Variables)["name"]!.Value<string>(), Is.EqualTo("there"));
            Assert.That(emulator.Server.ContentTemplates.Select(t => t.Sid), Is.EqualTo((string[])[own.Sid]));
            Assert.That(emulator.Server.ContentTemplates[0].DateCreated, Is.Not.Null);
            Assert.That(read.Sid, Is.EqualTo(own.Sid));
            Assert.That(approval["status"]!.Value<string>(), Is.EqualTo("unsubmitted"));
            Assert.That(approval["name"]!.Value<string>(), Is.Empty);
            Assert.That(approval["content_type"]!.Value<string>(), Is.Empty);
        });
    }

    [Test]
    public async Task Tests_can_extend_the_sample_catalogue()
    {
        var extra = SampleContentTemplates.All[0] with { Sid = "HX" + new string('b', 32), FriendlyName = "extra" };
        await using var emulator = await EmulatorClient.StartAsync(o => o.ContentTemplates.Add(extra));

        Assert.That(
            emulator.Server.ContentTemplates.Select(t => t.Sid),
            Is.EqualTo(SampleContentTemplates.All.Select(t => t.Sid).Append(extra.Sid)));
    }

    [TestCase("HX123", "twilio/text")]
    [TestCase("HXb5b62575e6e4ff6129ad7c8efe1f983e", "twilio/text")]
    [TestCase("HXcccccccccccccccccccccccccccccccc", "twilio/location")]
    public void A_catalogue_with_a_bad_or_duplicate_template_does_not_start(string sid, string contentType)
    {
        var bad = SampleContentTemplates.All[0] with { Sid = sid, ContentType = contentType };

        Assert.That(
            async () => await TwilioEmulatorServer.StartAsync(new TwilioEmulatorOptions { ContentTemplates = [.. SampleContentTemplates.All, bad] }),
            Throws.ArgumentException);
    }

    private async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await GetAsync(pathAndQuery, auth: true);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private async Task<HttpResponseMessage> GetAsync(string pathAndQuery, bool auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = auth ? Emulator.Auth : null;
        return await Emulator.Http.SendAsync(request);
    }
}
