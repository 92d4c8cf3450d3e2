using FluentValidation;
using Messaging.Application.Conversations.Queries.GetConversations;
using Messaging.Application.Messages.Queries.GetMessages;
using Messaging.Application.Templates.Queries.GetTemplates;
using Messaging.Application.Webhooks.Queries.GetWebhookDeliveries;

namespace Messaging.Application.UnitTests.Common.Models;

/// <summary>Every keyset listing answers a bad page request the same way, because each includes the same rules.</summary>
public sealed class PageRequestValidatorTests
{
    private static IEnumerable<TestCaseData> Listings()
    {
        yield return Listing(new GetConversationsQueryValidator(), (limit, cursor) => new GetConversationsQuery(limit, cursor), GetConversationsQuery.MaxLimit);
        yield return Listing(new GetMessagesQueryValidator(), (limit, cursor) => new GetMessagesQuery(Limit: limit, Cursor: cursor), GetMessagesQuery.MaxLimit);
        yield return Listing(new GetTemplatesQueryValidator(), (limit, cursor) => new GetTemplatesQuery(Limit: limit, Cursor: cursor), GetTemplatesQuery.MaxLimit);
        yield return Listing(
            new GetWebhookDeliveriesQueryValidator(),
            (limit, cursor) => new GetWebhookDeliveriesQuery(Guid.NewGuid(), limit, cursor),
            GetWebhookDeliveriesQuery.MaxLimit);
    }

    private static TestCaseData Listing<TQuery>(IValidator<TQuery> validator, Func<int, string?, TQuery> query, int maxLimit)
        where TQuery : IPageRequest =>
        new TestCaseData(
                (Func<int, string?, IReadOnlyList<string>>)((limit, cursor) =>
                    validator.Validate(query(limit, cursor)).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList()),
                maxLimit)
            .SetArgDisplayNames(typeof(TQuery).Name);

    [TestCaseSource(nameof(Listings))]
    public void A_foreign_cursor_is_refused_with_the_same_message(Func<int, string?, IReadOnlyList<string>> errors, int maxLimit)
    {
        Assert.That(errors(1, "not-a-cursor"), Is.EqualTo(new[] { $"Cursor: {PageRequestValidator<IPageRequest>.ForeignCursorMessage}" }));
    }

    [TestCaseSource(nameof(Listings))]
    public void The_limit_is_from_one_to_the_listings_maximum(Func<int, string?, IReadOnlyList<string>> errors, int maxLimit)
    {
        Assert.Multiple(() =>
        {
            Assert.That(errors(1, null), Is.Empty);
            Assert.That(errors(maxLimit, null), Is.Empty);
            Assert.That(errors(0, null).Single(), Does.StartWith("Limit: "));
            Assert.That(errors(maxLimit + 1, null).Single(), Does.StartWith("Limit: "));
        });
    }
}
