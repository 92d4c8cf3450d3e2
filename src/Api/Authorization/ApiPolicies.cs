namespace Messaging.Api.Authorization;

/// <summary>
/// Authorization policies, one per scope and named like it: <c>[Authorize(Policy = ApiPolicies.MessagesRead)]</c>.
/// Endpoints that declare none still need a valid API key (the fallback policy); the Twilio webhooks opt out with
/// <c>[AllowAnonymous]</c> because Twilio proves itself with a signature instead.
/// </summary>
public static class ApiPolicies
{
    public const string MessagesSend = ApiScopes.MessagesSend;

    public const string MessagesRead = ApiScopes.MessagesRead;

    public const string MetricsRead = ApiScopes.MetricsRead;

    public const string WebhooksManage = ApiScopes.WebhooksManage;
}
