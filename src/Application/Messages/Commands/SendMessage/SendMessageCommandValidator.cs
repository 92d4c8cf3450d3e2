using FluentValidation;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Common.Urls;

namespace Messaging.Application.Messages.Commands.SendMessage;

public sealed class SendMessageCommandValidator : AbstractValidator<SendMessageCommand>
{
    /// <summary>Twilio's limit for a message body.</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>Twilio takes up to ten media URLs, but WhatsApp delivers only one per message.</summary>
    public const int MaxMediaUrls = 1;

    public const int MaxMediaUrlLength = 2048;

    private const string ContentSidPrefix = "HX";
    private const int ContentSidHexDigits = 32;

    public SendMessageCommandValidator()
    {
        RuleFor(x => x.To)
            .RequiredWhatsAppAddress();

        RuleFor(x => x.Body)
            .Must((command, _) => HasFreeFormContent(command) || command.ContentSid is not null)
            .WithMessage("Send a body and/or a media URL, or an approved template ('ContentSid').");

        RuleFor(x => x.ContentSid)
            .Null()
            .When(HasFreeFormContent)
            .WithMessage("Send either free-form content ('Body', 'MediaUrls') or a template ('ContentSid'), not both.");

        RuleFor(x => x.Body)
            .MaximumLength(MaxBodyLength)
            .WithMessage($"'Body' must be at most {MaxBodyLength} characters; it was {{TotalLength}}.");

        // A NUL makes Twilio's create fail every time (answered as an outage, "safe to retry"), and other control
        // characters are no text a customer can read; line breaks and tabs are.
        RuleFor(x => x.Body)
            .Must(body => body is null || !body.Any(IsControlOtherThanLayout))
            .WithMessage("'Body' must not contain control characters other than line breaks and tabs.");

        RuleFor(x => x.MediaUrls)
            .Must(urls => urls!.Count <= MaxMediaUrls)
            .When(x => x.MediaUrls is not null)
            .WithMessage($"At most {MaxMediaUrls} media URL can be sent per WhatsApp message.");

        RuleForEach(x => x.MediaUrls)
            .Must(BeAnHttpsUrl)
            .WithMessage($"Each media URL must be an absolute https URL of at most {MaxMediaUrlLength} characters without control characters, whitespace or invisible formatting characters.");

        RuleFor(x => x.ContentSid)
            .Must(BeAContentSid)
            .When(x => x.ContentSid is not null)
            .WithMessage($"'ContentSid' must be '{ContentSidPrefix}' followed by {ContentSidHexDigits} hexadecimal digits.");

        RuleFor(x => x.ContentVariables)
            .Null()
            .When(x => x.ContentSid is null)
            .WithMessage("'ContentVariables' can only be sent with a 'ContentSid'.");

        RuleForEach(x => x.ContentVariables)
            .Must(pair => !string.IsNullOrWhiteSpace(pair.Key) && pair.Value is not null)
            .When(x => x.ContentSid is not null)
            .WithMessage("Each content variable needs a non-blank name and a value.");

        RuleForEach(x => x.ContentVariables)
            .Must(pair => pair.Value is null || IsUsableVariableValue(pair.Value))
            .When(x => x.ContentSid is not null)
            .WithMessage("Each content variable's value must have text, and no line breaks, tabs, other control characters or more than four spaces in a row: WhatsApp refuses those.");
    }

    /// <summary>A body counts as content only when it has something other than whitespace.</summary>
    internal static bool HasFreeFormContent(SendMessageCommand command) =>
        !string.IsNullOrWhiteSpace(command.Body) || command.MediaUrls is { Count: > 0 };

    // Twilio refuses such values with error 21656; refusing them here says which one, before anything is sent.
    private static bool IsUsableVariableValue(string value) =>
        !string.IsNullOrWhiteSpace(value)
        && !value.Any(char.IsControl)
        && !value.Contains("     ", StringComparison.Ordinal);

    private static bool IsControlOtherThanLayout(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    private static bool BeAnHttpsUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxMediaUrlLength || !UrlText.HasOnlyVisibleCharacters(url))
        {
            return false;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && !string.IsNullOrEmpty(uri.Host)
            // Twilio fetches the medium after accepting the message: one on port 0 would fail later, as an undelivered message.
            && uri.Port != 0;
    }

    private static bool BeAContentSid(string? contentSid) =>
        contentSid is not null
        && contentSid.Length == ContentSidPrefix.Length + ContentSidHexDigits
        && contentSid.StartsWith(ContentSidPrefix, StringComparison.Ordinal)
        && contentSid[ContentSidPrefix.Length..].All(char.IsAsciiHexDigit);
}
