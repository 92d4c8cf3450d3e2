namespace Messaging.Api.Hosting;

internal static class HeadRequests
{
    /// <summary>
    /// Lets every endpoint of <paramref name="builder"/> that answers GET answer HEAD too, as HTTP asks of any resource
    /// read with GET (RFC 9110, section 9.3.2): MVC maps <c>[HttpGet]</c> to GET alone. The action runs as for a GET,
    /// so the status and headers are the same; the server sends no body with the answer to a HEAD.
    /// </summary>
    public static TBuilder AnswerHeadAsGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault();
            if (methods is not null
                && methods.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                && !methods.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
