using FluentValidation;

namespace Messaging.Application.Common.Models;

/// <summary>
/// The rules every keyset listing shares, included by each listing's validator with its own maximum and cursor format,
/// so that a client gets the same answer for a bad limit or a foreign cursor from every listing.
/// </summary>
public sealed class PageRequestValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : IPageRequest
{
    public const string ForeignCursorMessage = "'Cursor' is not a cursor this API issued; pass the 'nextCursor' of the previous page.";

    public PageRequestValidator(int maxLimit, Func<string, bool> isCursor)
    {
        RuleFor(x => x.Limit)
            .InclusiveBetween(1, maxLimit);

        RuleFor(x => x.Cursor)
            .Must(cursor => isCursor(cursor!))
            .When(x => x.Cursor is not null)
            .WithMessage(ForeignCursorMessage);
    }
}
