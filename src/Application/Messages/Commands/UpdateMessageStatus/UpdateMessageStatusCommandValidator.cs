using System.Globalization;
using FluentValidation;
using Messaging.Application.Common.Twilio;
using Messaging.Application.Common.Validation;

namespace Messaging.Application.Messages.Commands.UpdateMessageStatus;

public sealed class UpdateMessageStatusCommandValidator : AbstractValidator<UpdateMessageStatusCommand>
{
    public UpdateMessageStatusCommandValidator()
    {
        RuleFor(x => x.MessageSid)
            .RequiredTwilioMessageSid();

        RuleFor(x => x.MessageStatus)
            .Required()
            .Must(status => TwilioMessageStatus.TryParse(status, out _))
            .WithMessage("'MessageStatus' '{PropertyValue}' is not a Twilio message status.");

        RuleFor(x => x.ErrorCode)
            .Must(code => TryParseErrorCode(code, out _))
            .WithMessage("'ErrorCode' must be a whole number.");

        RuleFor(x => x.MessageId)
            .Must(id => TryParseMessageId(id, out _))
            .WithMessage("'messageId' must be a message id (a GUID).");
    }

    /// <summary>Callbacks of sends made before the id was carried have none.</summary>
    internal static bool TryParseMessageId(string? value, out Guid? messageId)
    {
        messageId = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!Guid.TryParseExact(value, "D", out var parsed))
        {
            return false;
        }

        messageId = parsed;
        return true;
    }

    /// <summary>Twilio sends no error code, or an empty one, for a message without an error.</summary>
    internal static bool TryParseErrorCode(string? value, out int? errorCode)
    {
        errorCode = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        errorCode = parsed;
        return true;
    }
}
