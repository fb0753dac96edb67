using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Every metric the Grafana dashboard queries exists in what <c>/metrics</c> exposes on a running
/// server after <see cref="MetricTraffic"/>.
/// </summary>
[Trait("Needs", "Server")]
public sealed class DashboardMetricsTests
{
    [Fact]
    public async Task Every_dashboard_panel_metric_is_exposed_after_traffic()
    {
        await using var server = new InProcessServer(new Dictionary<string, string> { ["Rooms:CompactAfterUpdates"] = "2" });
        var exposed = await MetricTraffic.ExposedAfterTrafficAsync(server);
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "grafana", "collab-dashboard.json")))!;
        var queried = Expressions(dashboard).SelectMany(PromQlMetricNames.Of).Distinct().ToList();

        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(exposed.Contains(name), $"{name} is on the dashboard but not in /metrics:\n{string.Join("\n", exposed.Order())}"));
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
}
