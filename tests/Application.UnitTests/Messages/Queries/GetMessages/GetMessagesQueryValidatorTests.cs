using Messaging.Application.Messages.Queries.GetMessages;

namespace Messaging.Application.UnitTests.Messages.Queries.GetMessages;

public sealed class GetMessagesQueryValidatorTests
{
    private static readonly string ValidCursor =
        new MessageCursor(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), Guid.CreateVersion7()).Encode();

    private readonly GetMessagesQueryValidator _validator = new();

    public static IEnumerable<TestCaseData> ValidQueries()
    {
        foreach (var page in QueryValidation.AcceptedPages(
            new GetMessagesQuery(), limit => new GetMessagesQuery(Limit: limit), cursor => new GetMessagesQuery(Cursor: cursor), ValidCursor))
        {
            yield return page;
        }

        yield return new TestCaseData(new GetMessagesQuery(Contact: "+14155550123")).SetName("Contact as number");
        yield return new TestCaseData(new GetMessagesQuery(Contact: "whatsapp:+14155550123")).SetName("Contact as address");
        yield return new TestCaseData(new GetMessagesQuery(Direction: "outbound")).SetName("Direction outbound");
        yield return new TestCaseData(new GetMessagesQuery(Direction: "INBOUND")).SetName("Direction in capitals");
        yield return new TestCaseData(new GetMessagesQuery(Status: "delivered")).SetName("Status delivered");
        yield return new TestCaseData(new GetMessagesQuery(Status: "Received")).SetName("Status capitalised");
    }

    public static IEnumerable<TestCaseData> InvalidQueries()
    {
        foreach (var page in QueryValidation.RefusedPages(
            limit => new GetMessagesQuery(Limit: limit), cursor => new GetMessagesQuery(Cursor: cursor), ValidCursor))
        {
            yield return page;
        }

        yield return new TestCaseData(new GetMessagesQuery(Contact: "4155550123"), "Contact").SetName("Contact national");
        yield return new TestCaseData(new GetMessagesQuery(Contact: ""), "Contact").SetName("Contact empty");
        yield return new TestCaseData(new GetMessagesQuery(Direction: "sideways"), "Direction").SetName("Direction unknown");
        yield return new TestCaseData(new GetMessagesQuery(Direction: "1"), "Direction").SetName("Direction as number");
        yield return new TestCaseData(new GetMessagesQuery(Direction: "0"), "Direction").SetName("Direction as zero");
        yield return new TestCaseData(new GetMessagesQuery(Direction: "outbound,inbound"), "Direction").SetName("Direction list");
        yield return new TestCaseData(new GetMessagesQuery(Direction: " outbound"), "Direction").SetName("Direction padded");
        yield return new TestCaseData(new GetMessagesQuery(Direction: ""), "Direction").SetName("Direction empty");
        yield return new TestCaseData(new GetMessagesQuery(Status: "1"), "Status").SetName("Status as number");
        yield return new TestCaseData(new GetMessagesQuery(Status: "99"), "Status").SetName("Status out of range");
        yield return new TestCaseData(new GetMessagesQuery(Status: "-1"), "Status").SetName("Status negative");
        yield return new TestCaseData(new GetMessagesQuery(Status: "seen"), "Status").SetName("Status unknown");
        yield return new TestCaseData(new GetMessagesQuery(Status: "receıved"), "Status").SetName("Status with dotless i");
        yield return new TestCaseData(new GetMessagesQuery(Status: "delivered,read"), "Status").SetName("Status list");
        yield return new TestCaseData(new GetMessagesQuery(Cursor: "eyJpZCI6MX0"), "Cursor").SetName("Cursor of JSON");
    }

    [TestCaseSource(nameof(ValidQueries))]
    public void Accepts(GetMessagesQuery query) => _validator.AssertAccepts(query);

    [TestCaseSource(nameof(InvalidQueries))]
    public void Refuses(GetMessagesQuery query, string property) => _validator.AssertRefuses(query, property);

    [Test]
    public void Refusing_a_status_lists_the_lowercase_names()
    {
        var message = _validator.Validate(new GetMessagesQuery(Status: "1")).Errors.Single().ErrorMessage;

        Assert.That(message, Does.Contain("accepted").And.Contain("undelivered").And.Contain("received"));
        Assert.That(message, Does.Not.Contain("Accepted"));
    }

    [Test]
    public void The_default_limit_is_fifty()
    {
        Assert.That(new GetMessagesQuery().Limit, Is.EqualTo(50));
    }
}
