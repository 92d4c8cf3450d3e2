using Messaging.Application.Conversations.Queries.GetConversations;

namespace Messaging.Application.UnitTests.Conversations.Queries.GetConversations;

public sealed class GetConversationsQueryValidatorTests
{
    private static readonly string ValidCursor =
        new ConversationCursor(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), "whatsapp:+14155550123").Encode();

    private readonly GetConversationsQueryValidator _validator = new();

    public static IEnumerable<TestCaseData> ValidQueries()
    {
        yield return new TestCaseData(new GetConversationsQuery()).SetName("Defaults");
        yield return new TestCaseData(new GetConversationsQuery(Limit: 1)).SetName("Limit 1");
        yield return new TestCaseData(new GetConversationsQuery(Limit: 200)).SetName("Limit 200");
        yield return new TestCaseData(new GetConversationsQuery(Cursor: ValidCursor)).SetName("Cursor this API issued");
    }

    public static IEnumerable<TestCaseData> InvalidQueries()
    {
        yield return new TestCaseData(new GetConversationsQuery(Limit: 0), "Limit").SetName("Limit 0");
        yield return new TestCaseData(new GetConversationsQuery(Limit: -1), "Limit").SetName("Limit negative");
        yield return new TestCaseData(new GetConversationsQuery(Limit: 201), "Limit").SetName("Limit 201");
        yield return new TestCaseData(new GetConversationsQuery(Limit: int.MaxValue), "Limit").SetName("Limit int max");
        yield return new TestCaseData(new GetConversationsQuery(Cursor: ""), "Cursor").SetName("Cursor empty");
        yield return new TestCaseData(new GetConversationsQuery(Cursor: "not-a-cursor"), "Cursor").SetName("Cursor garbage");
        yield return new TestCaseData(new GetConversationsQuery(Cursor: ValidCursor[..^2]), "Cursor").SetName("Cursor truncated");
        yield return new TestCaseData(new GetConversationsQuery(Cursor: ValidCursor + "AA"), "Cursor").SetName("Cursor extended");
        yield return new TestCaseData(
            new GetConversationsQuery(Cursor: new MessageCursor(DateTimeOffset.UnixEpoch, Guid.CreateVersion7()).Encode()), "Cursor")
            .SetName("Cursor of the message list");
    }

    [TestCaseSource(nameof(ValidQueries))]
    public void Accepts(GetConversationsQuery query) => _validator.AssertAccepts(query);

    [TestCaseSource(nameof(InvalidQueries))]
    public void Refuses(GetConversationsQuery query, string property) => _validator.AssertRefuses(query, property);
}
