using Microsoft.Extensions.Primitives;
using Twilio.Security;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Checks that a webhook request comes from Twilio for this account: its <c>X-Twilio-Signature</c> is Twilio's
/// HMAC-SHA1, keyed by the auth token, over the URL and every posted field, and it names this account (Twilio names
/// the account in every message webhook; one that names none is refused like one that names another).
/// </summary>
public sealed class TwilioWebhookValidator
{
    public const string SignatureHeader = "X-Twilio-Signature";

    private const string AccountSidField = "AccountSid";

    private readonly TwilioAccount _account;
    private readonly RequestValidator _validator;

    public TwilioWebhookValidator(TwilioAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
        _validator = new RequestValidator(account.AuthToken);
    }

    /// <param name="url">The URL Twilio posted to (see <see cref="TwilioWebhookUrls.SignedUrl"/>); a fragment is ignored, as Twilio does not sign it.</param>
    /// <param name="fields">Every posted field, including ones this service does not use: Twilio signs all of them.</param>
    /// <param name="signature">The <c>X-Twilio-Signature</c> header, if any.</param>
    public TwilioWebhookVerdict Validate(Uri url, IEnumerable<KeyValuePair<string, StringValues>> fields, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(fields);
        if (string.IsNullOrWhiteSpace(signature))
        {
            return TwilioWebhookVerdict.MissingSignature;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in fields)
        {
            // Twilio never posts a field twice, and one value per name is all the SDK can sign.
            if (values.Count != 1 || !parameters.TryAdd(name, values[0] ?? string.Empty))
            {
                return TwilioWebhookVerdict.InvalidSignature;
            }
        }

        if (!_validator.Validate(WithoutFragment(url), parameters, signature))
        {
            return TwilioWebhookVerdict.InvalidSignature;
        }

        if (!parameters.TryGetValue(AccountSidField, out var accountSid))
        {
            return TwilioWebhookVerdict.NoAccount;
        }

        return string.Equals(accountSid, _account.AccountSid, StringComparison.Ordinal)
            ? TwilioWebhookVerdict.Valid
            : TwilioWebhookVerdict.OtherAccount;
    }

    private static string WithoutFragment(Uri url)
    {
        var text = url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
        var fragment = text.IndexOf('#', StringComparison.Ordinal);
        return fragment < 0 ? text : text[..fragment];
    }
}
