using Microsoft.Extensions.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>
/// Makes the application's HTTP clients accept <see cref="TestCertificate"/> as well as every certificate they accept
/// anyway, leaving the rest of each client's handler as the application built it.
/// </summary>
public sealed class TrustTestCertificateFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        var thumbprint = TestCertificate.Certificate.Thumbprint;
        switch (builder.PrimaryHandler)
        {
            case SocketsHttpHandler sockets:
                sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None || certificate?.GetCertHashString() == thumbprint;
                break;
            case HttpClientHandler handler:
                handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None || certificate?.Thumbprint == thumbprint;
                break;
        }
    };
}
