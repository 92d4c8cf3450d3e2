namespace Messaging.Api.Webhooks;

/// <summary>Refuses, with 403, a request that does not carry Twilio's valid signature for this account.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class ValidateTwilioSignatureAttribute : TypeFilterAttribute
{
    public ValidateTwilioSignatureAttribute()
        : base(typeof(TwilioSignatureFilter))
    {
    }
}
