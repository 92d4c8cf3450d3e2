using System.Security.Cryptography;

namespace Messaging.Application.Webhooks;

/// <summary>Secrets that sign a subscription's deliveries.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    // 256 bits, as long as the HMAC-SHA256 it keys: beyond guessing.
    private const int Bytes = 32;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes));
}
