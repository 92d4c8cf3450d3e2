using FluentValidation;

namespace Messaging.Application.Common.Validation;

public static class RequiredRuleExtensions
{
    /// <summary>
    /// The value is not empty; when it is, the rule stops there, so the checks after it do not also report the missing
    /// value as malformed. The message names the property as the request spells it ('MessageSid'): {PropertyPath}, not
    /// {PropertyName}, which FluentValidation splits into words ('Message Sid').
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilderInitial<T, TProperty> ruleBuilder) =>
        ruleBuilder
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("'{PropertyPath}' is required.");
}
