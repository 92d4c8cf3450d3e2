using System.Text.RegularExpressions;
using FluentValidation;
using Messaging.Application.Common.Validation;

namespace Messaging.Application.Common.Twilio;

/// <summary>
/// The shape of a Twilio message SID: <c>SM</c> (or <c>MM</c>, with media) and 32 hexadecimal digits. A webhook's SID is
/// held to it before anything is stored under it: padded or made-up SIDs would each become a row of their own for one
/// message, and no media or callback could ever find them.
/// </summary>
public static partial class TwilioMessageSid
{
    public static bool IsValid(string? sid) => sid is not null && Pattern().IsMatch(sid);

    public static IRuleBuilderOptions<T, string?> MustBeTwilioMessageSid<T>(this IRuleBuilder<T, string?> ruleBuilder) =>
        ruleBuilder
            .Must(IsValid)
            .WithMessage("'{PropertyName}' must be a Twilio message SID: 'SM' or 'MM' followed by 32 hexadecimal digits.");

    /// <summary>The SID a Twilio webhook names its message by: required (see <see cref="RequiredRuleExtensions.Required{T, TProperty}"/>), then of this shape.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredTwilioMessageSid<T>(this IRuleBuilderInitial<T, string?> ruleBuilder) =>
        ruleBuilder.Required().MustBeTwilioMessageSid();

    [GeneratedRegex("^(?:SM|MM)[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
