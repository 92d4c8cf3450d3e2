using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Logging;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Messaging.Infrastructure.Twilio;

/// <summary>
/// Sends through the Twilio SDK on an <see cref="System.Net.Http.HttpClient"/> from the factory. Emulator and real
/// Twilio differ only in where <see cref="TwilioApiRedirectHandler"/> sends the requests and which credentials are used.
/// </summary>
internal sealed class TwilioGateway(
    TwilioRestClients clients,
    IOptionsMonitor<TwilioOptions> options,
    TwilioWebhookUrls webhookUrls,
    ILogger<TwilioGateway> logger) : ITwilioGateway
{
    public string SenderAddress => options.CurrentValue.Sender;

    public async Task<TwilioSendResult> SendAsync(TwilioSendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var settings = options.CurrentValue;
        var client = clients.Create();
        var create = new CreateMessageOptions(new PhoneNumber(request.To))
        {
            From = new PhoneNumber(settings.Sender),
            Body = request.Body,
            MediaUrl = request.MediaUrls.Count == 0 ? null : request.MediaUrls.Select(url => new Uri(url, UriKind.Absolute)).ToList(),
            ContentSid = request.ContentSid,
            ContentVariables = request.ContentVariables,
            StatusCallback = webhookUrls.StatusCallbackFor(request.MessageId),
        };

        CallerCancellationHandler.CallerToken = cancellationToken;
        try
        {
            var message = await MessageResource.CreateAsync(create, client);
            return new TwilioSendResult(message.Sid, TwilioStatusMapper.ToMessageStatus(message.Status?.ToString()));
        }
        catch (ApiException ex) when (IsRejection(ex.Status))
        {
            // Logged where the request ends, by its code: Twilio's text quotes the numbers.
            throw new TwilioRejectedException(ex.Code, ex.Message, ex.Status, ex.MoreInfo, ex);
        }
        catch (ApiException ex) when (ex.Status is 401 or 403)
        {
            TwilioLog.CredentialsRefused(logger, ex.Status, ex.Code);
            throw new TwilioUnavailableException("Twilio refused this service's credentials.", LoggableCause(ex));
        }
        catch (ApiException ex)
        {
            // Outages are logged once, with this exception as the cause, where the request ends.
            throw new TwilioUnavailableException($"Twilio failed with HTTP {ex.Status}, error {ex.Code}.", LoggableCause(ex));
        }
        catch (Exception ex) when (IsTransportFailure(ex) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The send was canceled; Twilio may or may not have created the message.", ex, cancellationToken);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && TwilioRetryPredicate.NeverReachedTwilio(ex))
        {
            throw new TwilioUnavailableException("Twilio could not be reached.", LoggableCause(ex));
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            // The request went out and no answer came back: retrying could send the message twice.
            TwilioLog.OutcomeUnknown(logger, request.MessageId, LogText.Escape(ex.Message));
            throw new TwilioOutcomeUnknownException("Twilio did not answer the create; it may or may not have created the message.", ex);
        }
    }

    public async Task<IReadOnlyList<TwilioSentMessage>> ListSentAsync(
        string recipient, DateTimeOffset createdAfter, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // No DateSent filter: a message that failed at once was never sent and has no sent date, yet it is the one
        // looked for. The list is newest first, so reading stops at the first message created before the send.
        var read = new ReadMessageOptions
        {
            To = new PhoneNumber(recipient),
            From = new PhoneNumber(options.CurrentValue.Sender),
            PageSize = Math.Min(limit, 100),
            Limit = limit,
        };

        CallerCancellationHandler.CallerToken = cancellationToken;
        try
        {
            var found = new List<TwilioSentMessage>();
            foreach (var message in await MessageResource.ReadAsync(read, clients.Create()))
            {
                var created = message.DateCreated is { } date ? AsInstant(date) : (DateTimeOffset?)null;
                if (created < createdAfter)
                {
                    break;
                }

                found.Add(new TwilioSentMessage(
                    message.Sid,
                    message.To,
                    message.Body,
                    int.TryParse(message.NumMedia, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var media) ? media : 0,
                    TwilioStatusMapper.ToMessageStatus(message.Status?.ToString()),
                    created));
            }

            return found;
        }
        catch (Exception ex) when (ex is ApiException || (IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested))
        {
            throw new TwilioUnavailableException(
                ex is ApiException answered
                    ? $"Twilio could not list the messages sent: HTTP {answered.Status}, error {answered.Code}."
                    : "Twilio could not list the messages sent.",
                LoggableCause(ex));
        }
    }

    /// <summary>
    /// What an outage is logged with, where the request ends: the transport's own failure, never the SDK's wrapper,
    /// whose message is the request's URL (a list's carries the customer's number in its query), nor Twilio's answer,
    /// whose text can quote the numbers; its status and code are in the outage's own message.
    /// </summary>
    private static Exception? LoggableCause(Exception ex) => ex switch
    {
        ApiConnectionException connection => connection.InnerException,
        ApiException => null,
        _ => ex,
    };

    // The SDK parses Twilio's GMT dates; a time without a kind is Twilio's UTC.
    private static DateTimeOffset AsInstant(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time);

    // 401/403 mean our own credentials are wrong and 429 that we sent too fast: nothing the sender of this message
    // can fix, so those count as Twilio being unavailable to us, not as a refusal of this message.
    private static bool IsRejection(int httpStatus) => httpStatus is >= 400 and < 500 and not 401 and not 403 and not 429;

    // The SDK wraps every transport failure (connection refused, timeouts, resilience rejections) in
    // ApiConnectionException, a TwilioException; the bare transport and timeout types are caught in case one escapes that.
    private static bool IsTransportFailure(Exception ex) =>
        ex is TwilioException or HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException;
}
