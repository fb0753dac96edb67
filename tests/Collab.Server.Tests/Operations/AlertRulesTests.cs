using System.Text.RegularExpressions;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// deploy/prometheus/collab-alerts.yaml: valid for promtool, each alert unit-tested (firing and
/// quiet) in collab-alerts.test.yaml, every metric it reads exported by the server, a runbook
/// section per alert, and the Prometheus Operator's copy generated from it.
/// </summary>
[Trait("Needs", "Prometheus")]
[Trait("Needs", "Server")]
public sealed class AlertRulesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_rules_pass_promtool_check()
    {
        var (exitCode, output) = await Command.RunAsync("promtool", ["check", "rules", "collab-alerts.yaml"], AlertRuleFile.Directory, Timeout);
        Assert.True(exitCode == 0, output);
        Assert.Contains($"SUCCESS: {AlertRuleFile.Alerts().Count} rules found", output);
    }

    [Fact]
    public async Task Every_alert_passes_its_promtool_unit_tests()
    {
        var (exitCode, output) = await Command.RunAsync("promtool", ["test", "rules", "collab-alerts.test.yaml"], AlertRuleFile.Directory, Timeout);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Every_alert_has_a_firing_and_a_quiet_unit_test()
    {
        var tests = File.ReadAllText(Path.Combine(AlertRuleFile.Directory, "collab-alerts.test.yaml"));
        // One alert_rule_test entry: alertname, then exp_alerts when it is expected to fire.
        var entries = Regex.Matches(tests, @"alertname: (\w+)\n(\s+exp_alerts:)?").Select(m => (Alert: m.Groups[1].Value, Fires: m.Groups[2].Success)).ToList();
        Assert.All(AlertRuleFile.Alerts(), a =>
        {
            Assert.True(entries.Contains((a.Alert, true)), $"{a.Alert} has no unit test where it fires.");
            Assert.True(entries.Contains((a.Alert, false)), $"{a.Alert} has no unit test where it stays quiet.");
        });
    }

    [Fact]
    public async Task Every_metric_the_rules_read_is_exported_by_the_server()
    {
        await using var server = new InProcessServer(new Dictionary<string, string> { ["Rooms:CompactAfterUpdates"] = "2" });
        var exposed = await MetricTraffic.ExposedAfterTrafficAsync(server);
        exposed.Add("up"); // Prometheus's own, per scrape target
        // Only exported while Collab terminates TLS (Tls:CertificatePath); TlsTests reads it from a server that does.
        exposed.Add("collab_tls_certificate_remaining_seconds");
        // Only exported while S3 backups are configured (Backup:S3:Endpoint); S3BackupTests reads it from a server that has them.
        exposed.Add("collab_backup_runs_total");
        // CollabReplicaNotReady reads the readiness probe's requests by route and status.
        var exposition = await new HttpClient().GetStringAsync($"{server.HttpUrl}/metrics");
        Assert.Contains(exposition.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_route=\"/readyz\"") && line.Contains("http_response_status_code=\"200\""));

        var alerts = AlertRuleFile.Alerts();
        Assert.True(alerts.Count >= 13, $"Only {alerts.Count} alerts were read from the rule file.");
        Assert.All(alerts, a =>
        {
            var names = PromQlMetricNames.Of(a.Expr);
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.True(exposed.Contains(name), $"{a.Alert} reads {name}, which /metrics does not expose:\n{string.Join("\n", exposed.Order())}"));
        });
    }

    [Fact]
    public void Every_alert_links_to_its_own_runbook_section()
    {
        var rules = File.ReadAllText(AlertRuleFile.RulesPath);
        var runbooks = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "runbooks.md"));
        Assert.All(AlertRuleFile.Alerts(), a =>
        {
            Assert.Contains($"runbook_url: \"https://github.com/collab/collab/blob/main/docs/runbooks.md#{a.Alert.ToLowerInvariant()}\"", rules);
            Assert.Matches(new Regex($"^## {a.Alert}$", RegexOptions.Multiline), runbooks);
        });
    }

    [Fact]
    public async Task The_PrometheusRule_is_generated_from_the_rule_file()
    {
        var (exitCode, output) = await Command.RunAsync("bash", ["deploy/prometheus/prometheusrule.sh", "--stdout"], RepoPaths.Root, Timeout);
        Assert.Equal(0, exitCode);
        var committed = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "k8s", "components", "prometheus-rules", "collab-alerts-prometheusrule.yaml"));
        Assert.True(committed == output, "deploy/k8s/components/prometheus-rules/collab-alerts-prometheusrule.yaml is stale: run deploy/prometheus/prometheusrule.sh.");
    }
}
