using FluentValidation;

namespace Messaging.Application.Common.Addresses;

public static class WhatsAppAddressRuleExtensions
{
    /// <summary>The value parses with <see cref="WhatsAppAddressParser"/>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeWhatsAppAddress<T>(this IRuleBuilder<T, string?> ruleBuilder) =>
        ruleBuilder
            .Must(value => WhatsAppAddressParser.TryParse(value, out _))
            .WithMessage("'{PropertyName}' must be a WhatsApp number in international form, e.g. '+14155550123' or 'whatsapp:+14155550123'.");
}
