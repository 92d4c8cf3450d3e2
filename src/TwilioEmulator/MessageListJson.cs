namespace Messaging.TwilioEmulator;

/// <summary>A page of the Messages list as Twilio's 2010-04-01 API writes it; URIs are relative to the API's host.</summary>
internal sealed record MessageListJson
{
    public required int End { get; init; }

    public required string FirstPageUri { get; init; }

    public required IReadOnlyList<MessageResourceJson> Messages { get; init; }

    public string? NextPageUri { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public string? PreviousPageUri { get; init; }

    public required int Start { get; init; }

    public required string Uri { get; init; }
}
