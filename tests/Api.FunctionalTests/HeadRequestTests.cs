namespace Messaging.Api.FunctionalTests;

/// <summary>What the API lets a client read with GET it may ask about with HEAD: the same status and headers (RFC 9110).</summary>
public sealed class HeadRequestTests() : ApiFixture(AppSharing.PerFixture)
{
    [TestCase("/api/messages")]
    [TestCase("/api/conversations?limit=5")]
    [TestCase("/api/templates")]
    [TestCase("/api/contacts/lookup?number=%2B14155550123")]
    [TestCase("/api/messages/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [TestCase("/api/messages?limit=0")]
    public async Task A_head_request_is_answered_as_the_get_is(string path)
    {
        using var get = await Client.GetAsync(new Uri(path, UriKind.Relative));
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));

        Assert.Multiple(() =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode));
            Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo(get.Content.Headers.ContentType?.MediaType));
        });
    }

    [Test]
    public async Task A_head_request_needs_a_key_as_the_get_does()
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/api/messages", UriKind.Relative)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_path_read_only_with_post_still_refuses_head()
    {
        using var response = await Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Head, new Uri("/api/webhook-subscriptions/3f2504e0-4f89-11d3-9a0c-0305e82c3301/secret", UriKind.Relative)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }
}
