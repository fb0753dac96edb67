using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Observability;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Every metric the Grafana dashboard queries exists in what <c>/metrics</c> exposes on a running
/// server after some traffic: REST calls, a SignalR editor, a y-websocket socket, compaction,
/// and the recording API driven the way the Redis scale-out and the copilot drive it.
/// </summary>
public sealed class DashboardMetricsTests
{
    private const string Project = "metered";

    [Fact]
    public async Task Every_dashboard_panel_metric_is_exposed_after_traffic()
    {
        await using var server = new InProcessServer(new Dictionary<string, string> { ["Rooms:CompactAfterUpdates"] = "2" });
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

        var metrics = server.Get<CollabMetrics>();
        metrics.RecordRedisLag(TimeSpan.FromMilliseconds(3));
        metrics.RecordCopilotLatency(TimeSpan.FromMilliseconds(420), "test-model");
        metrics.CopilotTokensGenerated(17);
        metrics.AdjustCopilotQueueDepth(1);

        // Compaction runs in the background; wait until its first snapshot shows.
        HashSet<string> exposed;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            exposed = SampleNames(await new HttpClient().GetStringAsync($"{server.HttpUrl}/metrics"));
            if (exposed.Contains("collab_compaction_duration_seconds_count")) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "grafana", "collab-dashboard.json")))!;
        var queried = Expressions(dashboard).SelectMany(PromQlMetricNames.Of).Distinct().ToList();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(exposed.Contains(name), $"{name} is on the dashboard but not in /metrics:\n{string.Join("\n", exposed.Order())}"));
        await hub.DisposeAsync();
    }

    [Fact]
    public void The_PromQL_parser_finds_metric_names_only()
    {
        Assert.Equal(["collab_store_duration_seconds_bucket"], PromQlMetricNames.Of(
            """histogram_quantile(0.95, sum by (le, operation) (rate(collab_store_duration_seconds_bucket{job="collab"}[5m])))"""));
        Assert.Equal(["a_total", "b"], PromQlMetricNames.Of("sum(rate(a_total[1m])) / ignoring(x) sum without (y) (b)"));
    }

    private static IEnumerable<string> Expressions(JsonNode dashboard) =>
        dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]?.AsArray() ?? []).Select(t => (string)t!["expr"]!);

    /// <summary>Sample names in the Prometheus text format (comments skipped, labels cut off).</summary>
    private static HashSet<string> SampleNames(string exposition) =>
        exposition.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])])
            .ToHashSet();
}
