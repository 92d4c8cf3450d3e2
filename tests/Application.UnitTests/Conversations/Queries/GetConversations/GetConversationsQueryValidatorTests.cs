using Messaging.Application.Conversations.Queries.GetConversations;

namespace Messaging.Application.UnitTests.Conversations.Queries.GetConversations;

public sealed class GetConversationsQueryValidatorTests
{
    private static readonly string ValidCursor =
        new ConversationCursor(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), "whatsapp:+14155550123").Encode();

    private readonly GetConversationsQueryValidator _validator = new();

    public static IEnumerable<TestCaseData> ValidQueries() =>
        QueryValidation.AcceptedPages(
            new GetConversationsQuery(), limit => new GetConversationsQuery(Limit: limit), cursor => new GetConversationsQuery(Cursor: cursor), ValidCursor);

    public static IEnumerable<TestCaseData> InvalidQueries()
    {
        foreach (var page in QueryValidation.RefusedPages(
            limit => new GetConversationsQuery(Limit: limit), cursor => new GetConversationsQuery(Cursor: cursor), ValidCursor))
        {
            yield return page;
        }

        yield return new TestCaseData(
            new GetConversationsQuery(Cursor: new MessageCursor(DateTimeOffset.UnixEpoch, Guid.CreateVersion7()).Encode()), "Cursor")
            .SetName("Cursor of the message list");
    }

    [TestCaseSource(nameof(ValidQueries))]
    public void Accepts(GetConversationsQuery query) => _validator.AssertAccepts(query);

    [TestCaseSource(nameof(InvalidQueries))]
    public void Refuses(GetConversationsQuery query, string property) => _validator.AssertRefuses(query, property);
}
