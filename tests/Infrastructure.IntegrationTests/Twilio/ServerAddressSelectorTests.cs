namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class ServerAddressSelectorTests
{
    [TestCase("http://+:5080", "http://127.0.0.1:5080/")]
    [TestCase("http://*:5080", "http://127.0.0.1:5080/")]
    [TestCase("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [TestCase("http://[::]:5080", "http://127.0.0.1:5080/")]
    [TestCase("http://localhost:5080", "http://localhost:5080/")]
    [TestCase("http://127.0.0.1:49152", "http://127.0.0.1:49152/")]
    public void A_wildcard_host_becomes_the_loopback_address(string address, string expected) =>
        Assert.That(ServerAddressSelector.Pick([address]), Is.EqualTo(new Uri(expected)));

    [Test]
    public void An_http_loopback_address_is_preferred()
    {
        var picked = ServerAddressSelector.Pick(["https://localhost:7001", "http://10.1.2.3:5080", "http://[::]:5081"]);

        Assert.That(picked, Is.EqualTo(new Uri("http://127.0.0.1:5081/")));
    }

    [Test]
    public void A_loopback_https_address_beats_another_host()
    {
        var picked = ServerAddressSelector.Pick(["http://10.1.2.3:5080", "https://127.0.0.1:7001"]);

        Assert.That(picked, Is.EqualTo(new Uri("https://127.0.0.1:7001/")));
    }

    [Test]
    public void Without_a_usable_address_there_is_none()
    {
        Assert.That(ServerAddressSelector.Pick([]), Is.Null);
        Assert.That(ServerAddressSelector.Pick(["http://unix:/tmp/messaging.sock"]), Is.Null);
    }
}
