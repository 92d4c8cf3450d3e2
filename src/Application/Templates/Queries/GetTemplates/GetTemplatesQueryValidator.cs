using FluentValidation;

namespace Messaging.Application.Templates.Queries.GetTemplates;

public sealed class GetTemplatesQueryValidator : AbstractValidator<GetTemplatesQuery>
{
    public GetTemplatesQueryValidator()
    {
        Include(new PageRequestValidator<GetTemplatesQuery>(GetTemplatesQuery.MaxLimit, cursor => TemplateCursor.TryDecode(cursor, out _)));

        // Statuses are compared as words, whatever Twilio adds in future; languages as Twilio writes them (en, pt_BR).
        RuleFor(x => x.Status)
            .Matches("^[A-Za-z_-]{1,32}$")
            .When(x => x.Status is not null)
            .WithMessage("'Status' is an approval status such as approved, pending or rejected: letters, '_' or '-', at most 32.");

        RuleFor(x => x.Language)
            .Matches("^[A-Za-z0-9_-]{1,16}$")
            .When(x => x.Language is not null)
            .WithMessage("'Language' is a language code such as en or pt_BR: letters, digits, '_' or '-', at most 16.");

        RuleFor(x => x.Name)
            .Must(name => name!.Length <= GetTemplatesQuery.MaxFilterLength && !name.Any(char.IsControl))
            .When(x => x.Name is not null)
            .WithMessage($"'Name' is part of a template's name: at most {GetTemplatesQuery.MaxFilterLength} characters, without control characters.");
    }
}
