using FluentValidation;
using Messaging.Application.Common.Urls;
using Messaging.Application.Common.Validation;
using Messaging.Application.Events;

namespace Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;

public sealed class CreateWebhookSubscriptionCommandValidator : AbstractValidator<CreateWebhookSubscriptionCommand>
{
    public const int MaxUrlLength = 2048;

    public CreateWebhookSubscriptionCommandValidator(IOptions<WebhookOptions> options)
    {
        var allowHttp = options.Value.AllowHttp;

        RuleFor(x => x.Url)
            .Required()
            .MaximumLength(MaxUrlLength).WithMessage($"'Url' must be at most {MaxUrlLength} characters.")
            .Must(url => UrlText.HasOnlyVisibleCharacters(url))
            .WithMessage("'Url' must not contain control characters, whitespace or invisible formatting characters (such as bidirectional overrides); percent-encode a space as %20.")
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage(allowHttp ? "'Url' must be an absolute http or https URL." : "'Url' must be an absolute https URL.")
            .Must(url => new Uri(url).UserInfo.Length == 0)
            .WithMessage("'Url' must not carry a user name or password; put credentials in the path or check the signature instead.")
            .Must(url => new Uri(url).Fragment.Length == 0)
            .WithMessage("'Url' must not have a fragment (#...).")
            .Must(url => new Uri(url).Port != 0)
            .WithMessage("'Url' must not name port 0; no receiver can listen there.");

        RuleFor(x => x.EventTypes)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage($"'EventTypes' must list one or more of: {string.Join(", ", EventTypes.All)}.")
            .Must(types => types!.All(t => t is not null && EventTypes.IsKnown(t)))
            .WithMessage($"'EventTypes' may list only: {string.Join(", ", EventTypes.All)}.")
            .Must(types => types!.Distinct(StringComparer.Ordinal).Count() == types!.Count)
            .WithMessage("'EventTypes' must not list a type twice.");
    }
}
