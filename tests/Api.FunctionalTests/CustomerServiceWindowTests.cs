namespace Messaging.Api.FunctionalTests;

/// <summary>The 24-hour window enforced, as it is by default outside the tests.</summary>
public sealed class CustomerServiceWindowTests : ApiFixture
{
    private const string Customer = "+14155550123";
    private const string Template = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    protected override MessagingApiFactory CreateFactory() => new(enforceCustomerServiceWindow: true);

    [Test]
    public async Task Free_form_to_a_contact_who_never_wrote_is_refused_with_a_problem_asking_for_a_template()
    {
        using var response = await Client.PostMessage(new { to = Customer, body = "Hello" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), text);
        var problem = await response.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["title"]!.GetValue<string>(), Is.EqualTo("The customer-service window is closed."));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("send an approved template (contentSid) instead"));
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(422));
            Assert.That(problem["contact"]!.GetValue<string>(), Is.EqualTo("whatsapp:" + Customer));
            Assert.That(problem.ContainsKey("windowOpenUntil"), Is.True);
            Assert.That(problem["windowOpenUntil"], Is.Null);
            Assert.That(problem.ContainsKey("twilioCode"), Is.False);
        });
        await AssertNothingSentOrStoredAsync(storedBefore: 0);
    }

    [Test]
    public async Task A_key_that_may_only_send_is_not_told_when_the_customer_last_wrote()
    {
        var wroteAt = DateTimeOffset.UtcNow.AddHours(-25);
        await Factory.StoreMessage(Factory.Inbound(Customer, wroteAt));
        using var sender = Factory.CreateClient(TestApiKeys.SendOnly);

        using var closed = await sender.PostMessage(new { to = Customer, body = "Hello" });
        using var neverWrote = await sender.PostMessage(new { to = "+14155550199", body = "Hello" });

        var closedProblem = await closed.ReadJsonObject();
        var neverWroteProblem = await neverWrote.ReadJsonObject();
        Assert.Multiple(() =>
        {
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(closedProblem.ContainsKey("windowOpenUntil"), Is.False);
            Assert.That(closedProblem["detail"]!.GetValue<string>(), Does.Not.Contain(wroteAt.AddHours(24).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(closedProblem["detail"]!.GetValue<string>(), Does.Contain("send an approved template (contentSid) instead"));

            // Whether the customer ever wrote is the conversation's business too: both answers read the same.
            Assert.That(
                neverWroteProblem["detail"]!.GetValue<string>().Replace("+14155550199", Customer, StringComparison.Ordinal),
                Is.EqualTo(closedProblem["detail"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Free_form_a_day_and_an_hour_after_the_contact_wrote_is_refused_with_when_the_window_closed()
    {
        var wroteAt = DateTimeOffset.UtcNow.AddHours(-25);
        await Factory.StoreMessage(Factory.Inbound(Customer, wroteAt));

        using var response = await Client.PostMessage(new { to = "whatsapp:" + Customer, mediaUrls = new[] { "https://example.com/a.png" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.ReadJsonObject();
        Assert.That(problem["windowOpenUntil"]!.GetValue<DateTimeOffset>(), Is.EqualTo(wroteAt.AddHours(24)));
        await AssertNothingSentOrStoredAsync(storedBefore: 1);
    }

    [Test]
    public async Task Free_form_after_the_contact_wrote_is_sent()
    {
        await Factory.StoreMessage(Factory.Inbound(Customer, DateTimeOffset.UtcNow.AddMinutes(-3)));

        using var response = await Client.PostMessage(new { to = Customer, body = "Happy to help" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(1));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_template_to_a_contact_who_never_wrote_is_sent()
    {
        using var response = await Client.PostMessage(new { to = Customer, contentSid = Template, contentVariables = new Dictionary<string, string> { ["1"] = "Ana", ["2"] = "12/1" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(Factory.Emulator().Messages.Single().ContentSid, Is.EqualTo(Template));
    }

    [Test]
    public async Task The_window_of_one_contact_does_not_open_it_for_another()
    {
        await Factory.StoreMessage(Factory.Inbound("+447700900123", DateTimeOffset.UtcNow.AddMinutes(-3)));

        using var response = await Client.PostMessage(new { to = Customer, body = "Hello" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        await AssertNothingSentOrStoredAsync(storedBefore: 1);
    }

    private async Task AssertNothingSentOrStoredAsync(int storedBefore)
    {
        Assert.That(Factory.Emulator().CreateMessageRequests, Is.EqualTo(0));
        Assert.That(await Factory.StoredMessageCount(), Is.EqualTo(storedBefore));
    }
}
