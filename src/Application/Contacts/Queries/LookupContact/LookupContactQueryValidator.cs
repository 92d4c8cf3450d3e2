using FluentValidation;
using Messaging.Application.Common.Addresses;

namespace Messaging.Application.Contacts.Queries.LookupContact;

public sealed class LookupContactQueryValidator : AbstractValidator<LookupContactQuery>
{
    public LookupContactQueryValidator(IOptions<PhoneNumberOptions> options)
    {
        var region = options.Value.DefaultRegion;
        RuleFor(x => x.Number).Custom((number, context) =>
        {
            if (!TypedNumberParser.TryParse(number, region, out _, out var problem))
            {
                context.AddFailure(nameof(LookupContactQuery.Number), problem);
            }
        });
    }
}
