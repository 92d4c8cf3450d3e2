using PhoneNumbers;

namespace Messaging.Application.Common.Addresses;

internal sealed class PhoneNumberOptionsValidator : IValidateOptions<PhoneNumberOptions>
{
    public ValidateOptionsResult Validate(string? name, PhoneNumberOptions options) =>
        string.IsNullOrWhiteSpace(options.DefaultRegion) || TypedNumberParser.IsKnownRegion(options.DefaultRegion)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{PhoneNumberOptions.SectionName}:DefaultRegion is '{options.DefaultRegion}'; it must be a region code " +
                $"such as US or GB ({PhoneNumberUtil.GetInstance().GetSupportedRegions().Count} are known), or empty to " +
                "accept only numbers in international form.");
}
