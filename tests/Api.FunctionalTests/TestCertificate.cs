using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// A self-signed certificate for <c>localhost</c> and <c>127.0.0.1</c>, made once per test run, so stand-ins for
/// Twilio's hosts can speak https like the real ones. Only clients told to trust it (see
/// <see cref="TrustTestCertificateFilter"/>) accept it.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<X509Certificate2> Created = new(Create);

    public static X509Certificate2 Certificate => Created.Value;

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        // Kestrel needs the private key in a form it can load on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
