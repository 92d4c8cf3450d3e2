using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Messaging.LoadTest.Scenarios;

/// <summary>One read repeated on the seeded database: the first page of messages, a page deep in them, one contact's thread, or the conversations.</summary>
internal sealed class Reads(ReadKind kind, ReadDatabase database) : Scenario
{
    private const int PageSize = 50;

    // The pages walked to reach the deep page's cursor: as large as the API allows, so it takes few requests.
    private const int WalkPageSize = 200;

    public override string Name => kind switch
    {
        ReadKind.FirstPage => $"read: first page of {PageSize}",
        ReadKind.DeepPage => $"read: page {ReadDatabase.Depth:N0} rows deep",
        ReadKind.Thread => "read: one contact's thread",
        _ => "read: conversations",
    };

    public override string Floor => "the same query in raw SQL, written as JSON";

    public override bool Cycles => true;

    public override bool ReadsSeededDatabase => true;

    public override async Task PrepareAsync(Target target, RunPlan plan)
    {
        if (kind != ReadKind.DeepPage || target.IsFloor || database.ServiceCursor is not null)
        {
            return;
        }

        // The cursor a client holds after paging through Depth rows, taken from the API itself.
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add(RawHttp.ApiKeyHeader, target.ApiKey);
        string? cursor = null;
        for (var read = 0; read < ReadDatabase.Depth; read += WalkPageSize)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(target.Url(
                $"/api/messages?limit={WalkPageSize.ToString(CultureInfo.InvariantCulture)}" + (cursor is null ? string.Empty : "&cursor=" + cursor)));
            cursor = page.GetProperty("nextCursor").GetString() ?? throw new InvalidOperationException("The seeded database ended too early.");
        }

        database.ServiceCursor = cursor;
    }

    public override IReadOnlyList<LoadRequest> Requests(Target target, RunPlan plan, Phase phase)
    {
        var url = target.Url(target.IsFloor ? FloorPath() : ServicePath());
        var request = RawHttp.Get(url, target.ApiKey);
        return [.. Enumerable.Range(0, plan.Clients).Select(k => new LoadRequest(IdBase(phase) + k, request))];
    }

    private string ServicePath()
    {
        var page = $"limit={PageSize.ToString(CultureInfo.InvariantCulture)}";
        return kind switch
        {
            ReadKind.FirstPage => "/api/messages?" + page,
            ReadKind.DeepPage => $"/api/messages?{page}&cursor={database.ServiceCursor}",
            ReadKind.Thread => $"/api/messages?contact={Uri.EscapeDataString(Contacts.Number(ReadDatabase.ThreadContact))}&{page}",
            _ => "/api/conversations?" + page,
        };
    }

    private string FloorPath()
    {
        var page = $"limit={PageSize.ToString(CultureInfo.InvariantCulture)}";
        return kind switch
        {
            ReadKind.FirstPage => $"{FloorServer.MessagesPath}?{page}",
            ReadKind.DeepPage => $"{FloorServer.MessagesPath}?{page}&createdAt={database.DeepCreatedAt.ToString(CultureInfo.InvariantCulture)}&id={database.DeepId}",
            ReadKind.Thread => $"{FloorServer.MessagesPath}?{page}&contact={Uri.EscapeDataString(Contacts.Address(ReadDatabase.ThreadContact))}",
            _ => $"{FloorServer.ConversationsPath}?{page}",
        };
    }
}
