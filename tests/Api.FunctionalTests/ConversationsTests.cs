namespace Messaging.Api.FunctionalTests;

public sealed class ConversationsTests : ApiFixture
{
    [Test]
    public async Task Lists_one_conversation_per_contact_newest_activity_first_with_counts_and_windows()
    {
        var now = DateTimeOffset.UtcNow;
        var anaWroteAt = now.AddHours(-2);
        await Factory.StoreMessage(Factory.Inbound("+14155550123", anaWroteAt.AddMinutes(-1), profileName: "Ana"));
        await Factory.StoreMessage(Factory.Inbound("+14155550123", anaWroteAt, profileName: "Ana M."));
        using (var toBen = await Client.PostMessage(new { to = "+447700900123", body = "Your parcel is on its way" }))
        {
            Assert.That(toBen.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var reply = await Client.PostMessage(new { to = "+14155550123", body = "Thanks, Ana" });
        var replied = await reply.ReadJsonObject();

        var page = await GetConversations(string.Empty);

        var items = page["items"]!.AsArray();
        Assert.That(items.Select(i => i!["contact"]!.GetValue<string>()), Is.EqualTo(new[] { "whatsapp:+14155550123", "whatsapp:+447700900123" }));
        var ana = items[0]!.AsObject();
        var ben = items[1]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(page["nextCursor"], Is.Null);
            Assert.That(ana["profileName"]!.GetValue<string>(), Is.EqualTo("Ana M."));
            Assert.That(ana["messageCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(ana["lastMessage"]!.ToJsonString(), Is.EqualTo(replied.ToJsonString()));
            Assert.That(ana["lastActivityAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(replied["createdAt"]!.GetValue<DateTimeOffset>()));
            Assert.That(ana["windowOpenUntil"]!.GetValue<DateTimeOffset>(), Is.EqualTo(anaWroteAt.AddHours(24)));
            Assert.That(ben["profileName"], Is.Null);
            Assert.That(ben["messageCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(ben["lastMessage"]!["body"]!.GetValue<string>(), Is.EqualTo("Your parcel is on its way"));
            Assert.That(ben["lastMessage"]!["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(ben["windowOpenUntil"], Is.Null);
            Assert.That(ben.ContainsKey("windowOpenUntil"), Is.True, "a contact who never wrote shows an explicit null");
        });
    }

    [Test]
    public async Task A_rejected_send_is_the_last_message_of_its_conversation()
    {
        using (var rejected = await Client.PostMessage(new { to = "+15005550001", body = "Hi" }))
        {
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        }

        var conversation = (await GetConversations(string.Empty))["items"]!.AsArray().Single()!;

        Assert.That(conversation["contact"]!.GetValue<string>(), Is.EqualTo("whatsapp:+15005550001"));
        Assert.That(conversation["lastMessage"]!["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(conversation["lastMessage"]!["errorCode"]!.GetValue<int>(), Is.EqualTo(21211));
    }

    [Test]
    public async Task Pages_follow_the_cursor_until_there_is_no_next_cursor()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var contacts = Enumerable.Range(0, 7).Select(i => $"+4477009001{i:D2}").ToList();
        for (var i = 0; i < contacts.Count; i++)
        {
            await Factory.StoreMessage(Factory.Inbound(contacts[i], start.AddMinutes(i)));
        }

        var seen = new List<string>();
        var query = "?limit=3";
        var pages = 0;
        while (true)
        {
            var page = await GetConversations(query);
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["contact"]!.GetValue<string>()));
            pages++;
            if (page["nextCursor"] is not JsonValue next)
            {
                break;
            }

            query = "?limit=3&cursor=" + Uri.EscapeDataString(next.GetValue<string>());
        }

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(contacts.AsEnumerable().Reverse().Select(c => "whatsapp:" + c)));
    }

    [Test]
    public async Task The_openapi_document_describes_the_conversations_endpoint()
    {
        using var response = await Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = (await response.ReadJsonObject())["paths"]!.AsObject();
        Assert.That(paths["/api/conversations"]?["get"], Is.Not.Null);
    }

    private async Task<JsonObject> GetConversations(string query)
    {
        using var response = await Client.GetAsync(new Uri("/api/conversations" + query, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonObject();
    }
}
