using System.Text.Json;
using AutoMapper;
using MediatR;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Exceptions;
using Messaging.Application.Common.Interfaces;
using Messaging.Application.Common.Models;
using Messaging.Application.Conversations;
using Messaging.Application.Messages.PendingStatuses;
using Messaging.Application.Templates;
using Messaging.Domain.Conversations;
using Messaging.Domain.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Messaging.Application.Messages.Commands.SendMessage;

public sealed class SendMessageCommandHandler : IRequestHandler<SendMessageCommand, MessageDto>
{
    private readonly ITwilioGateway _gateway;
    private readonly IMessageRepository _repository;
    private readonly IUnitOfWork _unitOfWork;
    private readonly IConversationRepository _conversations;
    private readonly IOptions<CustomerServiceWindowOptions> _windowOptions;
    private readonly TimeProvider _timeProvider;
    private readonly IMapper _mapper;
    private readonly PendingStatusReconciler _reconciler;
    private readonly ILogger<SendMessageCommandHandler> _logger;
    private readonly IMessageEvents _events;
    private readonly TemplateSendGuard _templates;

    public SendMessageCommandHandler(
        ITwilioGateway gateway,
        IMessageRepository repository,
        IUnitOfWork unitOfWork,
        IConversationRepository conversations,
        IOptions<CustomerServiceWindowOptions> windowOptions,
        TimeProvider timeProvider,
        IMapper mapper,
        PendingStatusReconciler reconciler,
        ILogger<SendMessageCommandHandler> logger,
        IMessageEvents events,
        TemplateSendGuard templates)
    {
        _gateway = gateway;
        _repository = repository;
        _unitOfWork = unitOfWork;
        _conversations = conversations;
        _windowOptions = windowOptions;
        _timeProvider = timeProvider;
        _mapper = mapper;
        _reconciler = reconciler;
        _logger = logger;
        _events = events;
        _templates = templates;
    }

    public async Task<MessageDto> Handle(SendMessageCommand request, CancellationToken cancellationToken)
    {
        var to = WhatsAppAddressParser.Parse(request.To);
        var from = WhatsAppAddressParser.Parse(_gateway.SenderAddress);
        var body = string.IsNullOrWhiteSpace(request.Body) ? null : request.Body;
        var mediaUrls = request.MediaUrls ?? [];
        var contentVariables = request.ContentVariables is { Count: > 0 } variables
            ? JsonSerializer.Serialize(variables)
            : null;

        // Twilio gets the template and its variables, not a body; the text the customer receives is stored as the
        // body, so a template message reads like any other.
        var storedBody = body;
        if (request.ContentSid is null)
        {
            await EnsureWindowIsOpen(to, cancellationToken);
        }
        else
        {
            storedBody = await _templates.RenderAsync(request.ContentSid, request.ContentVariables, cancellationToken);
        }

        TwilioSendResult sent;
        try
        {
            sent = await _gateway.SendAsync(
                new TwilioSendRequest(to.Value, body, mediaUrls, request.ContentSid, contentVariables),
                cancellationToken);
        }
        catch (TwilioRejectedException rejection)
        {
            var rejected = Message.Rejected(
                from, to, storedBody, mediaUrls, request.ContentSid, rejection.TwilioCode, rejection.Message, _timeProvider.GetUtcNow());

            // Twilio has answered, so the outcome is recorded even if the caller has gone away meanwhile.
            var storedRejection = await _repository.AddIfAbsent(rejected, CancellationToken.None);
            _events.Publish(_mapper.Map<MessageDto>(storedRejection.Message));
            throw new MessageRejectedException(storedRejection.Message.Id, rejection.TwilioCode, rejection.Message, rejection.MoreInfo);
        }

        var message = Message.Outbound(
            sent.Sid, from, to, storedBody, mediaUrls, request.ContentSid, sent.Status, _timeProvider.GetUtcNow());

        // The message exists at Twilio now; dropping the row because the caller canceled would leave its status
        // callbacks without a message to update. Statuses Twilio reported before the save are applied in the same unit
        // of work, so one commit stores both.
        var result = await _unitOfWork.Run(
            async token =>
            {
                var stored = await _repository.AddIfAbsent(message, token);
                return stored.Inserted
                    ? await ApplyStatusesReportedBeforeTheSave(sent.Sid) ?? stored.Message
                    : stored.Message;
            },
            CancellationToken.None);

        var dto = _mapper.Map<MessageDto>(result);
        _events.Publish(dto);
        return dto;
    }

    private async Task<Message?> ApplyStatusesReportedBeforeTheSave(string sid)
    {
        try
        {
            // A unit of its own inside the save's: when it fails, only what it wrote is undone, and the save goes on.
            return await _unitOfWork.Run(_ => _reconciler.ApplyPending(sid, CancellationToken.None), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The message is sent and stored; failing the request now would invite a retry that sends it twice.
            // The statuses stay pending and the message keeps the status Twilio answered with.
            _logger.LogWarning(ex, "Statuses Twilio reported before message {Sid} was stored could not be applied", sid);
            return null;
        }
    }

    /// <summary>
    /// Twilio would accept a free-form message outside the window and fail it later (63016), leaving a failed message
    /// and no answer for the caller; refusing up front says at once that a template is needed.
    /// </summary>
    private async Task EnsureWindowIsOpen(WhatsAppAddress to, CancellationToken cancellationToken)
    {
        if (!_windowOptions.Value.EnforceCustomerServiceWindow)
        {
            return;
        }

        var lastInboundAt = await _conversations.GetLastInboundAt(to.Value, cancellationToken);
        if (!CustomerServiceWindow.IsOpen(lastInboundAt, _timeProvider.GetUtcNow()))
        {
            throw new CustomerServiceWindowClosedException(to.Value, CustomerServiceWindow.OpenUntil(lastInboundAt));
        }
    }
}
