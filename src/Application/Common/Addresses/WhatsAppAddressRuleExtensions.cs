using FluentValidation;
using Messaging.Application.Common.Validation;

namespace Messaging.Application.Common.Addresses;

public static class WhatsAppAddressRuleExtensions
{
    /// <summary>The value parses with <see cref="WhatsAppAddressParser"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeWhatsAppAddress<T>(this IRuleBuilder<T, string?> ruleBuilder) =>
        ruleBuilder
            .Must(value => WhatsAppAddressParser.TryParse(value, out _))
            .WithMessage("'{PropertyName}' must be a WhatsApp number in international form, e.g. '+14155550123' or 'whatsapp:+14155550123'.");

    /// <summary>A party the request must name: required (see <see cref="RequiredRuleExtensions.Required{T, TProperty}"/>), then a WhatsApp address.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredWhatsAppAddress<T>(this IRuleBuilderInitial<T, string?> ruleBuilder) =>
        ruleBuilder.Required().MustBeWhatsAppAddress();
}
