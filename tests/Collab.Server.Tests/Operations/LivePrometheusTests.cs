using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// Debian's Prometheus, on a free loopback port with a throwaway data directory, scrapes a running
/// Collab server every second and evaluates the real rule file plus one low-threshold copy of
/// <c>CollabRoomsNearLimit</c>: every rule loads and evaluates with health ok, and opening a
/// document makes the low-threshold alert fire while the real one stays quiet.
/// </summary>
[Trait("Needs", "Prometheus")]
[Trait("Needs", "Server")]
public sealed class LivePrometheusTests
{
    private const string Project = "alerting";
    private const string LiveAlert = "CollabRoomsNearLimitLiveTest";
    private readonly System.Text.StringBuilder _log = new();

    [Fact]
    public async Task Prometheus_evaluates_the_rules_against_a_live_server()
    {
        await using var server = await ServerProcess.StartAsync();
        var dir = Directory.CreateTempSubdirectory("collab-prometheus-").FullName;
        var port = FreePort.Next();
        using var prometheus = StartPrometheus(dir, server.Port, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ruleCount = AlertRuleFile.Alerts().Count + 1;
            var rules = await Eventually(http, "/api/v1/rules", data =>
            {
                var all = data["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).ToList();
                return all.Count == ruleCount && all.All(r => (string?)r!["health"] == "ok") ? all : null;
            }, prometheus, "every rule loaded and evaluated with health ok");
            Assert.Contains(rules, r => (string?)r!["name"] == "CollabReplicaDown");

            // Provoke: a document held open by a y-websocket client is a loaded room.
            using var owner = server.Client(TestTokens.For("olivia"));
            (await owner.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
            using var socket = new System.Net.WebSockets.ClientWebSocket();
            await socket.ConnectAsync(new Uri($"{server.WsUrl}/yjs/{Project}/welcome.ipynb?access_token={TestTokens.For("olivia")}"), default);

            var alerts = await Eventually(http, "/api/v1/alerts", data =>
            {
                var all = data["alerts"]!.AsArray();
                return all.Any(a => (string?)a!["labels"]!["alertname"] == LiveAlert && (string?)a["state"] == "firing") ? all : null;
            }, prometheus, $"{LiveAlert} firing");
            var fired = alerts.First(a => (string?)a!["labels"]!["alertname"] == LiveAlert)!;
            Assert.Equal($"127.0.0.1:{server.Port}", (string?)fired["labels"]!["instance"]);
            Assert.Equal("collab", (string?)fired["labels"]!["job"]);
            // The live server is healthy: none of the real alerts fires. (One may be pending for a
            // moment: on a loaded machine a scrape can miss its 1 s timeout, and `up` reads 0.)
            Assert.All(alerts.Where(a => (string?)a!["state"] == "firing"), a => Assert.Equal(LiveAlert, (string?)a!["labels"]!["alertname"]));
        }
        finally
        {
            if (!prometheus.HasExited)
            {
                prometheus.Kill();
                await prometheus.WaitForExitAsync();
            }
            Directory.Delete(dir, recursive: true);
        }
    }

    private Process StartPrometheus(string dir, int collabPort, int port)
    {
        // The low-threshold copy: the real expression with its threshold at zero, and no wait.
        var real = AlertRuleFile.Alerts().Single(a => a.Alert == "CollabRoomsNearLimit").Expr;
        Assert.EndsWith("> 2000", real);
        File.WriteAllText(Path.Combine(dir, "live-test.yaml"), $"""
            groups:
              - name: collab-live-test
                rules:
                  - alert: {LiveAlert}
                    expr: '{real[..^"2000".Length]}0'
                    labels:
                      severity: test
            """);
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {AlertRuleFile.RulesPath}
              - {Path.Combine(dir, "live-test.yaml")}
            scrape_configs:
              - job_name: collab
                static_configs:
                  - targets: ['127.0.0.1:{collabPort}']
            """);
        var info = new ProcessStartInfo("prometheus",
        [
            $"--config.file={Path.Combine(dir, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(dir, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls a Prometheus API path until <paramref name="accept"/> returns non-null (30 s at most).</summary>
    private async Task<T> Eventually<T>(HttpClient http, string path, Func<JsonNode, T?> accept, Process prometheus, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            if (prometheus.HasExited) throw new InvalidOperationException($"prometheus exited with {prometheus.ExitCode}:\n{PrometheusLog()}");
            try
            {
                last = await http.GetStringAsync(path);
                if (accept(JsonNode.Parse(last)!["data"]!) is { } found) return found;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Waited 30 s for {what}; last {path}:\n{last}\nprometheus:\n{PrometheusLog()}");
    }

    private string PrometheusLog()
    {
        lock (_log) return _log.ToString();
    }
}
