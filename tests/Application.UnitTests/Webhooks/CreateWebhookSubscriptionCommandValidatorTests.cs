using Messaging.Application.Webhooks;
using Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.Webhooks;

public sealed class CreateWebhookSubscriptionCommandValidatorTests
{
    private readonly CreateWebhookSubscriptionCommandValidator _validator = new(Options.Create(new WebhookOptions()));

    [TestCase("https://billing.example.com/messaging-events")]
    [TestCase("https://billing.example.com:8443/events?tenant=a%20b")]
    [TestCase("https://[2001:4860:4860::8888]/events")]
    [TestCase("https://bücher.example/événements", TestName = "Accepts a URL written with letters beyond ASCII")]
    public void Accepts(string url) =>
        Assert.That(_validator.Validate(Command(url)).Errors, Is.Empty);

    [TestCase("https://example.com/\u0000", TestName = "Refuses a URL with a NUL character")]
    [TestCase("https://example.com/\n", TestName = "Refuses a URL with a line break")]
    [TestCase("https://example.com/a\r\nX-Injected: 1", TestName = "Refuses a URL with a header after a line break")]
    [TestCase("https://example.com/\u001b[31m", TestName = "Refuses a URL with a terminal escape sequence")]
    [TestCase("https://example.com/\u007f", TestName = "Refuses a URL with a delete character")]
    [TestCase("https://example.com/x y", TestName = "Refuses a URL with a space")]
    [TestCase("https://example.com/x\ty", TestName = "Refuses a URL with a tab")]
    [TestCase("https://example.com/x\u00a0y", TestName = "Refuses a URL with a no-break space")]
    [TestCase("https://example.com/‮gnp.exe", TestName = "Refuses a URL with a right-to-left override")]
    [TestCase("https://example.com/⁦x⁩", TestName = "Refuses a URL with a bidirectional isolate")]
    [TestCase("https://exa​mple.com/x", TestName = "Refuses a URL with a zero-width space")]
    [TestCase("https://example.com/﻿x", TestName = "Refuses a URL with a byte order mark")]
    [TestCase("https://example.com:0/x", TestName = "Refuses a URL with port 0")]
    [TestCase("https://example.com:00/x", TestName = "Refuses a URL with port 0 written with two digits")]
    public void Refuses_on_the_url(string url)
    {
        var result = _validator.Validate(Command(url));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "Url" }));
        Assert.That(result.Errors.Single().ErrorMessage, Does.StartWith("'Url' must not"));
    }

    private static CreateWebhookSubscriptionCommand Command(string url) => new(url, ["message.received"]);
}
