namespace Messaging.Api.FunctionalTests;

/// <summary><c>GET /api/contacts/lookup</c>: a number as a person types it, read with the default region's rules.</summary>
public sealed class ContactLookupTests : ApiFixture
{
    protected override MessagingApiFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["Messaging:DefaultRegion"] = "US",
    });

    [TestCase("(415) 555-0123")]
    [TestCase("415.555.0123")]
    [TestCase("1 415 555 0123")]
    [TestCase("+1 415-555-0123")]
    [TestCase("whatsapp:+14155550123")]
    public async Task A_number_in_the_default_regions_format_is_normalised(string typed)
    {
        var contact = await Lookup(typed);

        Assert.Multiple(() =>
        {
            Assert.That(contact["number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
            Assert.That(contact["address"]!.GetValue<string>(), Is.EqualTo("whatsapp:+14155550123"));
            Assert.That(contact["international"]!.GetValue<string>(), Is.EqualTo("+1 415-555-0123"));
        });
    }

    [TestCase("+44 7911 123456", "+447911123456")]
    [TestCase("011 44 7911 123456", "+447911123456")]
    [TestCase("+55 11 98765-4321", "+5511987654321")]
    public async Task An_international_number_is_read_whatever_the_default_region(string typed, string expected)
    {
        var contact = await Lookup(typed);

        Assert.That(contact["number"]!.GetValue<string>(), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_customer_who_never_wrote_can_only_get_a_template()
    {
        var contact = await Lookup("(415) 555-0199");

        Assert.Multiple(() =>
        {
            Assert.That(contact["hasWritten"]!.GetValue<bool>(), Is.False);
            Assert.That(contact.ContainsKey("windowOpenUntil"), Is.True);
            Assert.That(contact["windowOpenUntil"], Is.Null);
            Assert.That(contact["windowOpen"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public Task A_customer_who_wrote_two_hours_ago_has_the_window_open_for_22_more_hours() =>
        AssertWindowAfterWriting(TimeSpan.FromHours(2), open: true);

    [Test]
    public Task A_customer_who_wrote_yesterday_morning_has_the_window_closed() =>
        AssertWindowAfterWriting(TimeSpan.FromHours(30), open: false);

    [Test]
    public async Task The_number_a_lookup_answers_is_one_a_send_accepts()
    {
        var contact = await Lookup("(500) 555-0006");

        using var response = await Client.PostMessage(new { to = contact["number"]!.GetValue<string>(), body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJsonObject())["to"]!.GetValue<string>(), Is.EqualTo(contact["address"]!.GetValue<string>()));
    }

    [TestCase("12", "too few or too many digits")]
    [TestCase("415 555 01234 5678 9012", "too few or too many digits")]
    [TestCase("1-800-FLOWERS", "Use only digits")]
    [TestCase("+999 1234 5678", "No country uses that country code")]
    [TestCase("(415) 555-0123 ext. 7", "Use only digits")]
    [TestCase("+800 1234 5678", "WhatsApp can deliver to")]
    [TestCase("", "Type a phone number")]
    public async Task A_bad_number_is_a_validation_problem_that_says_what_is_wrong(string typed, string says)
    {
        using var response = await Client.GetAsync(LookupUri(typed));

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        var errors = (await response.ReadJsonObject())["errors"]!.AsObject();
        Assert.That(errors["Number"]!.AsArray().Select(e => e!.GetValue<string>()), Has.One.Contains(says));
    }

    [Test]
    public async Task Without_a_default_region_a_national_number_asks_for_the_international_form()
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient();

        using var national = await client.GetAsync(LookupUri("(415) 555-0123"));
        using var international = await client.GetAsync(LookupUri("+1 (415) 555-0123"));

        Assert.That(national.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await national.ReadJsonObject())["errors"]!["Number"]![0]!.GetValue<string>(), Does.Contain("international form"));
        Assert.That(international.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await international.ReadJsonObject())["number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
    }

    [Test]
    public async Task The_default_region_is_read_in_any_letter_case()
    {
        using var factory = new MessagingApiFactory(new Dictionary<string, string?> { ["Messaging:DefaultRegion"] = "gb" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(LookupUri("07911 123456"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadJsonObject())["number"]!.GetValue<string>(), Is.EqualTo("+447911123456"));
    }

    [TestCase("XX")]
    [TestCase("USA")]
    [TestCase("001")]
    public void An_unknown_default_region_stops_the_start_and_names_the_setting(string region) =>
        Assert.That(ApiTestContext.StartRefusal("Messaging:DefaultRegion", region), Does.Contain("Messaging:DefaultRegion").And.Contain(region));

    [Test]
    public async Task A_key_without_the_read_scope_is_forbidden()
    {
        using var client = Factory.CreateClient(TestApiKeys.SendOnly);

        using var response = await client.GetAsync(LookupUri("(415) 555-0123"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_read_only_key_may_look_up()
    {
        using var client = Factory.CreateClient(TestApiKeys.ReadOnly);

        using var response = await client.GetAsync(LookupUri("(415) 555-0123"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_openapi_document_describes_the_lookup()
    {
        using var response = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = (await response.ReadJsonObject())["paths"]!.AsObject();
        Assert.That(paths["/api/contacts/lookup"]?["get"], Is.Not.Null);
    }

    private static Uri LookupUri(string typed) =>
        new("/api/contacts/lookup?number=" + Uri.EscapeDataString(typed), UriKind.Relative);

    /// <summary>
    /// Stores a message the customer wrote <paramref name="ago"/> and asserts what the lookup says of their window: that
    /// they wrote, that it closes 24 hours after, and whether it is open now.
    /// </summary>
    private async Task AssertWindowAfterWriting(TimeSpan ago, bool open)
    {
        var wroteAt = DateTimeOffset.UtcNow - ago;
        await Factory.StoreMessage(Factory.Inbound("+14155550123", wroteAt));

        var contact = await Lookup("415 555 0123");

        Assert.Multiple(() =>
        {
            Assert.That(contact["hasWritten"]!.GetValue<bool>(), Is.True);
            Assert.That(contact["windowOpenUntil"]!.GetValue<DateTimeOffset>(), Is.EqualTo(wroteAt.AddHours(24)));
            Assert.That(contact["windowOpen"]!.GetValue<bool>(), Is.EqualTo(open));
        });
    }

    private async Task<JsonObject> Lookup(string typed)
    {
        using var response = await Client.GetAsync(LookupUri(typed));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonObject();
    }
}
