namespace Messaging.Api.FunctionalTests;

public sealed class DashboardFilesTests : ApiFixture
{
    [Test]
    public async Task The_dashboard_is_served_at_the_root_without_a_key_under_a_policy_that_allows_only_its_own_assets()
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var page = await client.GetAsync("/");
        using var script = await client.GetAsync("/js/app.js");

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<script type=\"module\" src=\"js/app.js\">"));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'self'"));
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        });
    }

    [Test]
    public async Task Api_answers_keep_the_strict_policy_and_still_need_a_key()
    {
        using var client = Factory.CreateClient(apiKey: null);

        using var answer = await client.GetAsync("/api/conversations");

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(answer.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
        });
    }

    [Test]
    public async Task A_missing_file_is_not_found_for_a_caller_with_a_key_and_refused_without_one()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);
        using var withKey = Factory.CreateClient();

        using var refused = await anonymous.GetAsync("/js/missing.js");
        using var missing = await withKey.GetAsync("/js/missing.js");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
