using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Messaging.Infrastructure.IntegrationTests.TwilioEmulator;

public sealed class MessageListTests : EmulatorFixture
{
    private const string Ana = "whatsapp:+14155550101";
    private const string Ben = "whatsapp:+14155550102";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private protected override void Configure(TwilioEmulatorOptions options)
    {
        options.TimeProvider = _clock;
        options.CallbackDelay = TimeSpan.Zero;
        options.EnforceCustomerServiceWindow = false;
    }

    [Test]
    public async Task The_sdk_reads_every_message_newest_first_following_the_pages()
    {
        var sids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            sids.Add(await SentAsync(i % 2 == 0 ? Ana : Ben, $"message {i}"));
        }

        using var reader = Emulator.Sdk();
        var read = (await MessageResource.ReadAsync(new ReadMessageOptions { PageSize = 3 }, reader.Rest)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(m => m.Sid), Is.EqualTo(Enumerable.Reverse(sids)));
            Assert.That(read.Select(m => m.Body), Is.EqualTo(Enumerable.Range(0, 7).Reverse().Select(i => $"message {i}")));
            Assert.That(reader.Requested, Has.Count.EqualTo(3), "one request per page of three");
        });
    }

    [Test]
    public async Task The_sdk_filters_by_to_from_and_sent_after_as_a_reconciler_looks_a_message_up()
    {
        await SentAsync(Ana, "before");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var since = _clock.GetUtcNow().UtcDateTime;
        var wanted = await SentAsync(Ana, "the one");
        await SentAsync(Ben, "someone else");
        await SentAsync(Ana, "from another sender", from: "whatsapp:+15005550006");

        var read = await MessageResource.ReadAsync(
            new ReadMessageOptions { To = new PhoneNumber(Ana), From = new PhoneNumber(EmulatorClient.Sender), DateSentAfter = since },
            Sdk.Rest);

        var found = read.ToList();
        Assert.That(found.Select(m => m.Sid), Is.EqualTo((string[])[wanted]));
        Assert.Multiple(() =>
        {
            Assert.That(found[0].Body, Is.EqualTo("the one"));
            Assert.That(found[0].To, Is.EqualTo(Ana));
            Assert.That(found[0].Status.ToString(), Is.EqualTo("read"));
        });
    }

    [Test]
    public async Task Sent_before_and_sent_on_filter_by_the_sent_date()
    {
        var first = await SentAsync(Ana, "first day");
        var endOfFirst = _clock.GetUtcNow().UtcDateTime;
        _clock.Advance(TimeSpan.FromDays(1));
        var second = await SentAsync(Ana, "second day");

        var before = await MessageResource.ReadAsync(new ReadMessageOptions { DateSentBefore = endOfFirst }, Sdk.Rest);
        var on = await MessageResource.ReadAsync(new ReadMessageOptions { DateSent = _clock.GetUtcNow().UtcDateTime.Date }, Sdk.Rest);

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(m => m.Sid), Is.EqualTo((string[])[first]));
            Assert.That(on.Select(m => m.Sid), Is.EqualTo((string[])[second]));
        });
    }

    [Test]
    public async Task A_message_not_sent_yet_is_listed_but_matches_no_sent_date()
    {
        await using var slow = await EmulatorClient.StartAsync(o =>
        {
            o.TimeProvider = _clock;
            o.CallbackDelay = TimeSpan.FromHours(1);
            o.EnforceCustomerServiceWindow = false;
        });
        using var sdk = slow.Sdk();
        var queued = await slow.SendAsync(Ana, statusCallback: null);

        var all = await MessageResource.ReadAsync(new ReadMessageOptions(), sdk.Rest);
        var sent = await MessageResource.ReadAsync(new ReadMessageOptions { DateSentAfter = _clock.Start.UtcDateTime.AddDays(-1) }, sdk.Rest);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(m => $"{m.Sid} {m.Status}"), Is.EqualTo((string[])[$"{queued} queued"]));
            Assert.That(sent, Is.Empty);
        });
    }

    [Test]
    public async Task A_page_has_Twilio_list_json_with_relative_page_uris_carrying_the_filters()
    {
        var sids = await SentToAnaAsync(3);

        var path = $"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json";
        var first = await GetJsonAsync($"{path}?To={Uri.EscapeDataString(Ana)}&PageSize=2");
        var second = await GetJsonAsync(first.GetProperty("next_page_uri").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(Sids(first), Is.EqualTo((string[])[sids[2], sids[1]]));
            Assert.That(first.GetProperty("page").GetInt32(), Is.Zero);
            Assert.That(first.GetProperty("page_size").GetInt32(), Is.EqualTo(2));
            Assert.That(first.GetProperty("start").GetInt32(), Is.Zero);
            Assert.That(first.GetProperty("end").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("uri").GetString(), Is.EqualTo($"{path}?To=whatsapp%3A%2B14155550101&PageSize=2&Page=0"));
            Assert.That(first.GetProperty("first_page_uri").GetString(), Is.EqualTo($"{path}?To=whatsapp%3A%2B14155550101&PageSize=2&Page=0"));
            Assert.That(
                first.GetProperty("next_page_uri").GetString(),
                Is.EqualTo($"{path}?To=whatsapp%3A%2B14155550101&PageSize=2&Page=1&PageToken=PA{sids[1]}"));
            Assert.That(first.GetProperty("previous_page_uri").ValueKind, Is.EqualTo(JsonValueKind.Null));

            Assert.That(Sids(second), Is.EqualTo((string[])[sids[0]]));
            Assert.That(second.GetProperty("page").GetInt32(), Is.EqualTo(1));
            Assert.That(second.GetProperty("start").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("end").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("next_page_uri").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(
                second.GetProperty("previous_page_uri").GetString(),
                Is.EqualTo($"{path}?To=whatsapp%3A%2B14155550101&PageSize=2&Page=0&PageToken=PB{sids[0]}"));
            Assert.That(second.GetProperty("messages")[0].GetProperty("body").GetString(), Is.EqualTo("message 0"));
        });
    }

    [Test]
    public async Task The_previous_page_token_leads_back_to_the_same_records()
    {
        await SentToAnaAsync(5);

        var path = $"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json";
        var first = await GetJsonAsync($"{path}?PageSize=2");
        var second = await GetJsonAsync(first.GetProperty("next_page_uri").GetString()!);
        var back = await GetJsonAsync(second.GetProperty("previous_page_uri").GetString()!);

        Assert.That(Sids(back), Is.EqualTo(Sids(first)));
    }

    [Test]
    public async Task A_message_sent_between_two_pages_neither_repeats_nor_hides_a_record()
    {
        var older = await SentToAnaAsync(4);

        var path = $"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json";
        var first = await GetJsonAsync($"{path}?PageSize=2");
        await SentAsync(Ana, "newer");
        var second = await GetJsonAsync(first.GetProperty("next_page_uri").GetString()!);

        Assert.That(Sids(first).Concat(Sids(second)), Is.EqualTo(Enumerable.Reverse(older)));
    }

    [Test]
    public async Task An_empty_list_has_no_next_page()
    {
        var list = await GetJsonAsync($"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json");

        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("messages").GetArrayLength(), Is.Zero);
            Assert.That(list.GetProperty("page_size").GetInt32(), Is.EqualTo(50));
            Assert.That(list.GetProperty("start").GetInt32(), Is.Zero);
            Assert.That(list.GetProperty("end").GetInt32(), Is.Zero);
            Assert.That(list.GetProperty("next_page_uri").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("PageSize=0")]
    [TestCase("PageSize=1001")]
    [TestCase("PageSize=ten")]
    [TestCase("Page=2")]
    [TestCase("Page=-1&PageToken=PASM00000000000000000000000000000000")]
    [TestCase("PageToken=PASM00000000000000000000000000000000")]
    [TestCase("PageToken=XY")]
    [TestCase("DateSent%3E=yesterday")]
    [TestCase("DateSent=2026-13-01")]
    public async Task Bad_paging_or_filters_are_400_with_a_Twilio_error(string query)
    {
        using var response = await GetAsync($"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json?{query}", Emulator.Auth);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(json.RootElement.GetProperty("code").GetInt32(), Is.EqualTo(20001));
            Assert.That(json.RootElement.GetProperty("message").GetString(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task The_list_needs_the_account_credentials()
    {
        using var response = await GetAsync($"/2010-04-01/Accounts/{Emulator.Options.AccountSid}/Messages.json", null);

        var otherAccount = await Assert.ThrowsAsync<ApiException>(
            () => MessageResource.ReadAsync(new ReadMessageOptions { PathAccountSid = "AC" + Guid.NewGuid().ToString("N") }, Sdk.Rest));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(otherAccount!.Status, Is.EqualTo(401));
        });
    }

    /// <summary>Sends "message 0", "message 1"… to Ana, each once it is sent; returns their SIDs, oldest first.</summary>
    private async Task<List<string>> SentToAnaAsync(int count)
    {
        var sids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            sids.Add(await SentAsync(Ana, $"message {i}"));
        }

        return sids;
    }

    /// <summary>Sends a message and waits until it is sent, so it has a sent date.</summary>
    private async Task<string> SentAsync(string to, string body, string? from = null)
    {
        var message = await MessageResource.CreateAsync(
            new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(from ?? EmulatorClient.Sender), Body = body },
            Sdk.Rest);
        await Eventually.TrueAsync(
            () => Emulator.Server.TryGetMessage(message.Sid, out var stored) && stored.Status == "read",
            $"message {message.Sid} read");
        return message.Sid;
    }

    private static string[] Sids(JsonElement page) =>
        page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("sid").GetString()!).ToArray();

    private async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await GetAsync(pathAndQuery, Emulator.Auth);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private async Task<HttpResponseMessage> GetAsync(string pathAndQuery, System.Net.Http.Headers.AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = auth;
        return await Emulator.Http.SendAsync(request);
    }
}
