namespace Messaging.Api.FunctionalTests;

/// <summary>How a <see cref="WebhookSubscriber"/> answers before the sample receiver sees the request.</summary>
public enum SubscriberFault
{
    /// <summary>The sample receiver answers.</summary>
    None,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>No answer until the sender hangs up.</summary>
    Hang,

    /// <summary>302 to <see cref="WebhookSubscriber.RedirectTo"/>.</summary>
    Redirect,
}
