using Messaging.Application.Templates.Queries.GetTemplates;

namespace Messaging.Application.UnitTests.Templates.Queries.GetTemplates;

public sealed class GetTemplatesQueryValidatorTests
{
    private static readonly string ValidCursor = new TemplateCursor("appointment_reminder", "en", "HXb5b62575e6e4ff6129ad7c8efe1f983e").Encode();

    private readonly GetTemplatesQueryValidator _validator = new();

    public static IEnumerable<TestCaseData> ValidQueries()
    {
        foreach (var page in QueryValidation.AcceptedPages(
            new GetTemplatesQuery(), limit => new GetTemplatesQuery(Limit: limit), cursor => new GetTemplatesQuery(Cursor: cursor), ValidCursor))
        {
            yield return page;
        }

        yield return new TestCaseData(new GetTemplatesQuery(Status: "approved")).SetName("Known status");
        yield return new TestCaseData(new GetTemplatesQuery(Status: "in_appeal")).SetName("Status Twilio may add");
        yield return new TestCaseData(new GetTemplatesQuery(Language: "pt_BR")).SetName("Language with a region");
        yield return new TestCaseData(new GetTemplatesQuery(Name: "order shipped ñ")).SetName("Name with a space and an accent");
        yield return new TestCaseData(new GetTemplatesQuery(Refresh: true)).SetName("Refresh");
    }

    public static IEnumerable<TestCaseData> InvalidQueries()
    {
        foreach (var page in QueryValidation.RefusedPages(
            limit => new GetTemplatesQuery(Limit: limit), cursor => new GetTemplatesQuery(Cursor: cursor), ValidCursor))
        {
            yield return page;
        }

        yield return new TestCaseData(
            new GetTemplatesQuery(Cursor: new ConversationCursor(DateTimeOffset.UnixEpoch, "whatsapp:+14155550123").Encode()), "Cursor")
            .SetName("Cursor of the conversation list");
        yield return new TestCaseData(new GetTemplatesQuery(Status: ""), "Status").SetName("Status empty");
        yield return new TestCaseData(new GetTemplatesQuery(Status: "approved;drop"), "Status").SetName("Status with punctuation");
        yield return new TestCaseData(new GetTemplatesQuery(Status: new string('a', 33)), "Status").SetName("Status of 33 letters");
        yield return new TestCaseData(new GetTemplatesQuery(Language: "en US"), "Language").SetName("Language with a space");
        yield return new TestCaseData(new GetTemplatesQuery(Language: new string('a', 17)), "Language").SetName("Language of 17 letters");
        yield return new TestCaseData(new GetTemplatesQuery(Name: new string('a', 101)), "Name").SetName("Name of 101 characters");
        yield return new TestCaseData(new GetTemplatesQuery(Name: "order\nshipped"), "Name").SetName("Name with a line break");
    }

    [TestCaseSource(nameof(ValidQueries))]
    public void Accepts(GetTemplatesQuery query) => _validator.AssertAccepts(query);

    [TestCaseSource(nameof(InvalidQueries))]
    public void Refuses(GetTemplatesQuery query, string property) => _validator.AssertRefuses(query, property);
}
