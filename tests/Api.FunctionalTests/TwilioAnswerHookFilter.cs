using Microsoft.Extensions.Http;

namespace Messaging.Api.FunctionalTests;

/// <summary>Adds a <see cref="TwilioAnswerHook"/> next to the network on every HTTP client the application builds.</summary>
internal sealed class TwilioAnswerHookFilter(Func<string, Task> onMessageCreated) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new TwilioAnswerHook(onMessageCreated));
    };
}
