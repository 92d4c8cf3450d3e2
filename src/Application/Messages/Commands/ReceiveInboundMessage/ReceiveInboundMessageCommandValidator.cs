using FluentValidation;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Twilio;

namespace Messaging.Application.Messages.Commands.ReceiveInboundMessage;

public sealed class ReceiveInboundMessageCommandValidator : AbstractValidator<ReceiveInboundMessageCommand>
{
    /// <summary>Twilio attaches at most ten media to a message.</summary>
    public const int MaxMedia = 10;

    public const int MaxProfileNameLength = StoredLengths.ProfileName;

    public const int MaxContentTypeLength = 255;

    public ReceiveInboundMessageCommandValidator()
    {
        RuleFor(x => x.MessageSid)
            .RequiredTwilioMessageSid();

        RuleFor(x => x.From)
            .RequiredWhatsAppAddress();

        RuleFor(x => x.To)
            .RequiredWhatsAppAddress();

        RuleFor(x => x.Media)
            .Must(media => media!.Count <= MaxMedia)
            .When(x => x.Media is not null)
            .WithMessage($"At most {MaxMedia} media can come with a message.");

        RuleForEach(x => x.Media).ChildRules(media =>
        {
            media.RuleFor(m => m.Url)
                .Must(BeAnHttpUrl)
                .WithMessage("Each media URL must be an absolute http or https URL.");
            media.RuleFor(m => m.ContentType)
                .MaximumLength(MaxContentTypeLength);
        });

        RuleFor(x => x.ProfileName)
            .MaximumLength(MaxProfileNameLength);
    }

    private static bool BeAnHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}
