namespace Messaging.Api.FunctionalTests;

public sealed class ListMessagesTests() : ApiFixture(AppSharing.PerFixture)
{
    protected override async Task SeedAsync()
    {
        foreach (var (to, body) in new[]
        {
            ("+14155550123", "first"),
            ("+14155550199", "second"),
            ("+14155550123", "third"),
            ("+14155550123", "fourth"),
            ("+14155550199", "fifth"),
        })
        {
            using var response = await Client.PostMessage(new { to, body });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }
    }

    [Test]
    public async Task Pages_follow_the_cursor_newest_first_until_there_is_no_next_cursor()
    {
        var bodies = new List<string>();
        var cursors = new List<string?>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "?limit=2" : $"?limit=2&cursor={cursor}";
            var page = await GetPage(query);
            bodies.AddRange(page["items"]!.AsArray().Select(i => i!["body"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            cursors.Add(cursor);
        }
        while (cursor is not null);

        Assert.That(bodies, Is.EqualTo(new[] { "fifth", "fourth", "third", "second", "first" }));
        Assert.That(cursors, Has.Count.EqualTo(3));
    }

    [TestCase("+14155550123")]
    [TestCase("whatsapp:+14155550123")]
    [TestCase("whatsapp%3A%2B14155550123")]
    public async Task The_contact_filter_returns_that_conversation_only(string contact)
    {
        var page = await GetPage($"?contact={contact.Replace("+", "%2B")}");

        Assert.That(
            page["items"]!.AsArray().Select(i => i!["body"]!.GetValue<string>()),
            Is.EqualTo(new[] { "fourth", "third", "first" }));
    }

    [Test]
    public async Task Direction_and_status_filters_take_lowercase_names()
    {
        var outbound = await GetPage("?direction=outbound&status=queued");
        var inbound = await GetPage("?direction=inbound");

        Assert.That(outbound["items"]!.AsArray(), Has.Count.EqualTo(5));
        Assert.That(inbound["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task The_openapi_document_describes_the_messages_endpoints()
    {
        using var response = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = (await response.ReadJsonObject())["paths"]!.AsObject();
        Assert.That(paths.Select(p => p.Key), Is.SupersetOf(new[] { "/api/messages", "/api/messages/{id}" }));
        Assert.That(paths["/api/messages"]!["post"], Is.Not.Null);
    }

    private async Task<JsonObject> GetPage(string query)
    {
        using var response = await Client.GetAsync(new Uri("/api/messages" + query, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonObject();
    }
}
