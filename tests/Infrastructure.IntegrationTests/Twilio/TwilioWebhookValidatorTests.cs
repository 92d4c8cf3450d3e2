using Microsoft.Extensions.Primitives;

namespace Messaging.Infrastructure.IntegrationTests.Twilio;

public sealed class TwilioWebhookValidatorTests
{
    // Twilio's own example from its webhook security documentation.
    private const string ExampleToken = "12345";
    private const string ExampleUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string ExampleSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    private static readonly Dictionary<string, string> ExampleFields = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    private readonly TwilioWebhookValidator _validator = new(new TwilioAccount(AccountSid, ExampleToken));

    [Test]
    public void The_test_signature_helper_reproduces_twilios_documented_example() =>
        Assert.That(TwilioSignature.Compute(ExampleToken, ExampleUrl, ExampleFields), Is.EqualTo(ExampleSignature));

    [Test]
    public void Twilios_documented_example_is_signed_right_but_names_no_account() =>
        Assert.That(Validate(ExampleUrl, ExampleFields, ExampleSignature), Is.EqualTo(TwilioWebhookVerdict.NoAccount));

    [Test]
    public void A_signature_for_another_url_is_invalid()
    {
        var signature = TwilioSignature.Compute(ExampleToken, "https://mycompany.com/other.php?foo=1&bar=2", ExampleFields);

        Assert.That(Validate(ExampleUrl, ExampleFields, signature), Is.EqualTo(TwilioWebhookVerdict.InvalidSignature));
    }

    [Test]
    public void A_tampered_field_is_invalid()
    {
        var tampered = new Dictionary<string, string>(ExampleFields) { ["Digits"] = "1235" };

        Assert.That(Validate(ExampleUrl, tampered, ExampleSignature), Is.EqualTo(TwilioWebhookVerdict.InvalidSignature));
    }

    [Test]
    public void A_field_added_after_signing_is_invalid()
    {
        var extended = new Dictionary<string, string>(ExampleFields) { ["Body"] = "injected" };

        Assert.That(Validate(ExampleUrl, extended, ExampleSignature), Is.EqualTo(TwilioWebhookVerdict.InvalidSignature));
    }

    [Test]
    public void A_signature_made_with_another_token_is_invalid()
    {
        var signature = TwilioSignature.Compute("54321", ExampleUrl, ExampleFields);

        Assert.That(Validate(ExampleUrl, ExampleFields, signature), Is.EqualTo(TwilioWebhookVerdict.InvalidSignature));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void A_missing_signature_is_reported_as_missing(string? signature) =>
        Assert.That(Validate(ExampleUrl, ExampleFields, signature), Is.EqualTo(TwilioWebhookVerdict.MissingSignature));

    [Test]
    public void A_url_fragment_is_not_part_of_what_twilio_signs()
    {
        var fields = new Dictionary<string, string>(ExampleFields) { ["AccountSid"] = AccountSid };

        Assert.That(
            Validate(ExampleUrl + "#rc=3&rp=all", fields, TwilioSignature.Compute(ExampleToken, ExampleUrl, fields)),
            Is.EqualTo(TwilioWebhookVerdict.Valid));
    }

    [Test]
    public void Fields_this_service_does_not_know_are_signed_like_the_rest()
    {
        var fields = new Dictionary<string, string>(ExampleFields) { ["AccountSid"] = AccountSid, ["ChannelPrefix"] = "whatsapp", ["SomethingNew"] = "x" };

        Assert.That(
            Validate(ExampleUrl, fields, TwilioSignature.Compute(ExampleToken, ExampleUrl, fields)),
            Is.EqualTo(TwilioWebhookVerdict.Valid));
    }

    [Test]
    public void A_field_posted_twice_is_invalid()
    {
        var fields = ExampleFields.ToDictionary(f => f.Key, f => new StringValues(f.Value));
        fields["Digits"] = new StringValues(["1234", "1234"]);

        Assert.That(_validator.Validate(new Uri(ExampleUrl), fields, ExampleSignature), Is.EqualTo(TwilioWebhookVerdict.InvalidSignature));
    }

    [Test]
    public void A_signed_request_naming_another_account_is_refused()
    {
        var fields = new Dictionary<string, string>(ExampleFields) { ["AccountSid"] = "AC" + new string('f', 32) };

        Assert.That(
            Validate(ExampleUrl, fields, TwilioSignature.Compute(ExampleToken, ExampleUrl, fields)),
            Is.EqualTo(TwilioWebhookVerdict.OtherAccount));
    }

    [Test]
    public void A_signed_request_naming_this_account_is_valid()
    {
        var fields = new Dictionary<string, string>(ExampleFields) { ["AccountSid"] = AccountSid };

        Assert.That(
            Validate(ExampleUrl, fields, TwilioSignature.Compute(ExampleToken, ExampleUrl, fields)),
            Is.EqualTo(TwilioWebhookVerdict.Valid));
    }

    [Test]
    public void Without_credentials_the_emulators_development_account_signs()
    {
        var account = TwilioAccount.From(new TwilioOptions());
        var validator = new TwilioWebhookValidator(account);
        var fields = new Dictionary<string, StringValues> { ["AccountSid"] = TwilioEmulatorDefaults.AccountSid, ["MessageSid"] = "SM1" };
        var signature = TwilioSignature.Compute(
            TwilioEmulatorDefaults.AuthToken, ExampleUrl, fields.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())));

        Assert.Multiple(() =>
        {
            Assert.That(account.AccountSid, Is.EqualTo(TwilioEmulatorDefaults.AccountSid));
            Assert.That(account.AuthToken, Is.EqualTo(TwilioEmulatorDefaults.AuthToken));
            Assert.That(validator.Validate(new Uri(ExampleUrl), fields, signature), Is.EqualTo(TwilioWebhookVerdict.Valid));
        });
    }

    [Test]
    public void Configured_credentials_are_the_account_and_never_appear_in_its_text()
    {
        var account = TwilioAccount.From(new TwilioOptions { AccountSid = AccountSid, AuthToken = "secret-token-value" });

        Assert.That(account.AccountSid, Is.EqualTo(AccountSid));
        Assert.That(account.AuthToken, Is.EqualTo("secret-token-value"));
        Assert.That(account.ToString(), Does.Not.Contain("secret-token-value"));
    }

    private TwilioWebhookVerdict Validate(string url, IReadOnlyDictionary<string, string> fields, string? signature) =>
        _validator.Validate(new Uri(url), fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)), signature);
}
