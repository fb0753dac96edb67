using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Observability;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Traffic that makes every Collab metric appear in <c>/metrics</c>: REST calls, a SignalR editor,
/// a y-websocket socket, compaction (start the server with <c>Rooms:CompactAfterUpdates</c> = 2),
/// and the recording API driven the way the Redis scale-out, the copilot and cell runs drive it
/// (counters appear in <c>/metrics</c> only once something is recorded after the exporter starts).
/// </summary>
public static class MetricTraffic
{
    private const string Project = "metered";

    /// <summary>The sample names <c>/metrics</c> exposes after the traffic.</summary>
    public static async Task<HashSet<string>> ExposedAfterTrafficAsync(InProcessServer server)
    {
        using var owner = server.Client(TestTokens.For("olivia"));
        (await owner.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
        var ipynb = JsonNode.Parse(await owner.GetStringAsync($"/api/projects/{Project}/notebooks/welcome.ipynb/export"))!;
        for (var i = 0; i < 3; i++)
            (await owner.PostAsJsonAsync($"/api/projects/{Project}/notebooks/welcome.ipynb/import", ipynb)).EnsureSuccessStatusCode();

        var hub = new HubConnectionBuilder()
            .WithUrl($"{server.HttpUrl}/hubs/collab", o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestTokens.For("olivia")))
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync<Collab.Server.Hubs.JoinRoomResult>("JoinRoom", Project, "welcome.ipynb", new byte[] { 0 });
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"{server.HttpUrl.Replace("http", "ws")}/yjs/{Project}/welcome.ipynb?access_token={TestTokens.For("olivia")}"), default);
        (await new HttpClient().GetAsync($"{server.HttpUrl}/readyz")).EnsureSuccessStatusCode();

        var metrics = server.Get<CollabMetrics>();
        metrics.RecordRedisLag(TimeSpan.FromMilliseconds(3));
        metrics.RecordCopilotLatency(TimeSpan.FromMilliseconds(420), "test-model");
        metrics.CopilotTokensGenerated(17);
        metrics.AdjustCopilotQueueDepth(1);
        metrics.CellExecuted("error");
        metrics.RoomResynced("sequence gap");

        // Compaction runs in the background; wait until its first snapshot shows.
        HashSet<string> exposed;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            exposed = SampleNames(await new HttpClient().GetStringAsync($"{server.HttpUrl}/metrics"));
            if (exposed.Contains("collab_compaction_duration_seconds_count")) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        await hub.DisposeAsync();
        return exposed;
    }

    /// <summary>Sample names in the Prometheus text format (comments skipped, labels cut off).</summary>
    public static HashSet<string> SampleNames(string exposition) =>
        exposition.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])])
            .ToHashSet();
}
