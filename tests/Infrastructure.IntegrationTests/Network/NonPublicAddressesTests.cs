using Messaging.Infrastructure.Network;

namespace Messaging.Infrastructure.IntegrationTests.Network;

public sealed class NonPublicAddressesTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.255.0.9")]
    [TestCase("10.1.2.3")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.1.1")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("0.0.0.0")]
    [TestCase("224.0.0.1")]
    [TestCase("255.255.255.255")]
    [TestCase("192.88.99.1")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("fe80::1")]
    [TestCase("fd00::1")]
    [TestCase("fec0::1")]
    [TestCase("feff::1")]
    [TestCase("2001::1")]
    [TestCase("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [TestCase("2001:2::1")]
    [TestCase("3fff::1")]
    [TestCase("5f00::1")]
    [TestCase("ff02::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("64:ff9b::a9fe:a9fe")]
    [TestCase("64:ff9b::10.0.0.1")]
    [TestCase("64:ff9b::127.0.0.1")]
    [TestCase("::127.0.0.1")]
    [TestCase("::10.0.0.1")]
    [TestCase("::169.254.169.254")]
    [TestCase("2002:7f00:1::")]
    [TestCase("2002:a9fe:a9fe::")]
    [TestCase("2002:a00:1::1")]
    public void Internal_addresses_are_not_public(string address) =>
        Assert.That(NonPublicAddresses.Contains(IPAddress.Parse(address)), Is.True);

    [TestCase("8.8.8.8")]
    [TestCase("54.172.60.1")]
    [TestCase("172.32.0.1")]
    [TestCase("172.15.255.255")]
    [TestCase("100.128.0.1")]
    [TestCase("2606:4700::6810:84e5")]
    [TestCase("2001:4860:4860::8888")]
    [TestCase("192.88.100.1")]
    [TestCase("::ffff:8.8.8.8")]
    [TestCase("64:ff9b::8.8.8.8")]
    [TestCase("64:ff9b::808:808")]
    [TestCase("2002:808:808::1")]
    public void Internet_addresses_are_public(string address) =>
        Assert.That(NonPublicAddresses.Contains(IPAddress.Parse(address)), Is.False);
}
