using System.Reflection;
using System.Runtime.ExceptionServices;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Logging;
using Twilio.Exceptions;
using Twilio.Rest.Content.V1;

namespace Messaging.Infrastructure.Twilio;

/// <summary>Reads the account's content templates with their WhatsApp approvals through the Twilio SDK's Content API.</summary>
internal sealed class TwilioContentTemplateSource(TwilioRestClients clients, ILogger<TwilioContentTemplateSource> logger)
    : IContentTemplateSource
{
    /// <summary>Twilio's default is 50 and its maximum 1,000; a few requests read most accounts' catalogues.</summary>
    public const int PageSize = 500;

    public async Task<IReadOnlyList<ContentTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var client = clients.Create();
        CallerCancellationHandler.CallerToken = cancellationToken;
        try
        {
            var set = await ContentAndApprovalsResource.ReadAsync(new ReadContentAndApprovalsOptions { PageSize = PageSize }, client);

            var templates = ReadAllPages(set);
            TwilioLog.TemplatesRead(logger, templates.Count);
            return templates;
        }
        catch (ApiException ex) when (ex.Status > 0)
        {
            // Whatever Twilio refuses here (credentials, throttling, an outage) is nothing a caller of this service can fix.
            TwilioLog.TemplatesRefused(logger, ex.Status, ex.Code, LogText.Escape(ex.Message));
            throw new TwilioUnavailableException($"Twilio answered the template list with HTTP {ex.Status}.", ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Reading the content templates was canceled.", ex, cancellationToken);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            TwilioLog.TemplatesUnreachable(logger, ex);
            throw new TwilioUnavailableException("Twilio could not be reached to list the content templates.", ex);
        }
    }

    /// <summary>
    /// The SDK's ResourceSet fetches each further page while it is enumerated, synchronously and through reflection,
    /// so a failure there arrives wrapped in <see cref="TargetInvocationException"/>; it is unwrapped to be handled
    /// like one on the first page. The catalogue is read once per cache period by one caller at a time, so the thread
    /// this blocks is one, briefly.
    /// </summary>
    private static List<ContentTemplate> ReadAllPages(IEnumerable<ContentAndApprovalsResource> set)
    {
        var templates = new List<ContentTemplate>();
        try
        {
            foreach (var record in set)
            {
                if (ContentTemplateReader.Read(record) is { } template)
                {
                    templates.Add(template);
                }
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
        }

        return templates;
    }

    // The SDK wraps transport failures in ApiConnectionException (a TwilioException) and an answer it cannot parse in
    // ApiException without a status; Newtonsoft's own exception can escape its page parsing.
    private static bool IsTransportFailure(Exception ex) =>
        ex is TwilioException or HttpRequestException or TaskCanceledException or Newtonsoft.Json.JsonException;
}
