using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Collab.LoadBench;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// Load: R rooms × C clients × U edits/s against Collab (1 node on SQLite, 3 nodes on PostgreSQL +
// Redis) and the reference Yjs servers, all on 127.0.0.1 of this machine, in one run; or, with
// --idle N, memory per idle connection; or, with --soak-minutes M, Collab's memory over a long run.
var load = LoadSettings.Parse(args);
const string SigningKey = "collab-load-bench-signing-key-0123456789";
var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
{
    Issuer = "collab", Audience = "collab", Subject = new ClaimsIdentity([new Claim("sub", "bench")]),
    Expires = DateTime.UtcNow.AddHours(2),
    SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
});
var benchDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
var serverDll = Path.Combine(AppContext.BaseDirectory, "Collab.Server.dll");
Console.WriteLine($"load: {(load.SoakMinutes > 0 ? load with { Seconds = (int)(load.SoakMinutes * 60) } : load)}  (server and load generator share this machine's {Environment.ProcessorCount} cores)");
var results = new List<ScenarioResult>();

async Task<List<ServerUnderTest>> StartCollabAsync(int nodes, string? postgres)
{
    var servers = new List<ServerUnderTest>();
    foreach (var i in Enumerable.Range(0, nodes))
    {
        var port = FreePort();
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataDirectory"] = Directory.CreateTempSubdirectory("collab-load-").FullName,
            ["Auth__SigningKey"] = SigningKey, ["Auth__Issuer"] = "collab", ["Auth__Audience"] = "collab",
            // The copilot indexes its docs in the background at start (once per data directory, and
            // each run starts on a fresh one): start-up work, not fan-out, that allocated most of
            // the server's memory during the first runs on a busy machine. The hub is measured without it.
            ["Indexer__Embeddings"] = "None", ["Copilot__Docs__IndexOnStart"] = "false",
            ["Logging__LogLevel__Default"] = "Warning", ["Limits__UpdatesPerSecond"] = "1000", ["Limits__UpdateBurst"] = "1000",
            // Every bench client is one user on one address: lift the per-user and per-address bounds past --idle's 10,000.
            ["Limits__MaxConnectionsPerUser"] = "100000", ["Limits__MaxConnectionsPerAddress"] = "100000",
            // As the image and `dotnet run` start the server (deploy/docker, CollabServer/Properties/launchSettings.json).
            ["DOTNET_GCgen0size"] = "0x200000",
        };
        if (postgres is not null)
        {
            env["ConnectionStrings__Postgres"] = postgres;
            env["Cluster__Mode"] = "Clustered";
            env["Redis__Configuration"] = Environment.GetEnvironmentVariable("COLLAB_TEST_REDIS") ?? throw new InvalidOperationException("COLLAB_TEST_REDIS is not set (run bench/load/run.sh)");
        }
        servers.Add(await ServerUnderTest.StartAsync($"collab-{i}", "dotnet", [serverDll], env, port, env["Storage__DataDirectory"], metricsPath: "/metrics"));
    }
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{servers[0].Port}") };
    http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    (await http.PostAsJsonAsync("/api/projects", new { id = "bench" })).EnsureSuccessStatusCode();
    for (var r = 0; r < load.Rooms; r++) (await http.PostAsJsonAsync("/api/projects/bench/notebooks", new { name = $"room-{r}" })).EnsureSuccessStatusCode();
    return servers;
}

// One rate, or with --sweep each rate in turn until the server fails to keep up at two rates in a
// row (one run's p99 on this shared machine can spike; the same rule holds for every server).
async Task RunAsync(string name, List<ServerUnderTest> servers, Func<int, int, IEditingDoc, LatencyRecorder, IBenchClient> client)
{
    var scenario = new Scenario(name, servers, client);
    // A freshly started server (Collab's tiered JIT, Node's V8) runs slower code for its first
    // seconds under load: warm every server up alike and discard that run.
    if (load.WarmupSeconds > 0) await scenario.RunAsync(load.AtRate(load.Sweep.Count > 0 ? load.Sweep[0] : load.Rate) with { Seconds = load.WarmupSeconds });
    var failedInARow = 0;
    foreach (var rate in load.Sweep.Count > 0 ? load.Sweep : [load.Rate])
    {
        var result = await scenario.RunAsync(load.AtRate(rate));
        Console.WriteLine(result);
        results.Add(result);
        failedInARow = result.Sustained(load.SweepP99LimitMs) ? 0 : failedInARow + 1;
        if (load.Sweep.Count > 0 && failedInARow == 2) break;
    }
}

async Task StopAsync(List<ServerUnderTest> servers)
{
    foreach (var server in servers) await server.DisposeAsync();
}


Uri YUrl(ServerUnderTest s, string path) => new($"ws://127.0.0.1:{s.Port}/{path}");

async Task<List<ServerUnderTest>> StartYWebSocketServerAsync()
{
    var port = FreePort();
    return [await ServerUnderTest.StartAsync("y-websocket-server", "node", ["node_modules/@y/websocket-server/src/server.js"],
        new Dictionary<string, string> { ["HOST"] = "127.0.0.1", ["PORT"] = port.ToString() }, port, benchDir)];
}

async Task<List<ServerUnderTest>> StartHocuspocusAsync()
{
    var port = FreePort();
    return [await ServerUnderTest.StartAsync("hocuspocus", "node", ["hocuspocus-server.mjs"],
        new Dictionary<string, string> { ["PORT"] = port.ToString() }, port, benchDir)];
}

if (load.IdleConnections > 0)
{
    Console.WriteLine($"idle: {load.IdleConnections} y-websocket connections over {load.Rooms} rooms");
    if (load.Runs("collab1"))
    {
        var collab = await StartCollabAsync(1, null);
        Console.WriteLine(await IdleCapacity.MeasureAsync("collab 1 node y-websocket", collab[0], load.IdleConnections, load.Rooms,
            (r, doc) => new YWebSocketClient(YUrl(collab[0], $"yjs/bench/room-{r}?access_token={token}"), doc, new LatencyRecorder(16))));
        await StopAsync(collab);
    }
    if (load.Runs("refs"))
    {
        var y = await StartYWebSocketServerAsync();
        Console.WriteLine(await IdleCapacity.MeasureAsync("@y/websocket-server 0.1.1", y[0], load.IdleConnections, load.Rooms,
            (r, doc) => new YWebSocketClient(YUrl(y[0], $"room-{r}"), doc, new LatencyRecorder(16))));
        await StopAsync(y);
        var h = await StartHocuspocusAsync();
        Console.WriteLine(await IdleCapacity.MeasureAsync("@hocuspocus/server 4.7.0", h[0], load.IdleConnections, load.Rooms,
            (r, doc) => new YWebSocketClient(YUrl(h[0], ""), doc, new LatencyRecorder(16), $"room-{r}")));
        await StopAsync(h);
    }
    return 0;
}

Console.WriteLine(ScenarioResult.Header);
if (load.SoakMinutes > 0)
{
    var collab = await StartCollabAsync(1, null);
    var scenario = new Scenario("collab 1 node  y-websocket", collab, (r, _, doc, rec) => new YWebSocketClient(YUrl(collab[0], $"yjs/bench/room-{r}?access_token={token}"), doc, rec));
    Console.WriteLine(await Soak.RunAsync(scenario, load, collab[0]));
    await StopAsync(collab);
    return 0;
}

if (load.Runs("collab1"))
{
    var collab1 = await StartCollabAsync(1, null);
    await RunAsync("collab 1 node  y-websocket", collab1, (r, _, doc, rec) => new YWebSocketClient(YUrl(collab1[0], $"yjs/bench/room-{r}?access_token={token}"), doc, rec));
    // The text workload is the stock y-websocket client's (issue 20's probe); the hub's ack is measured by the map workload.
    if (!load.Text)
        await RunAsync("collab 1 node  signalr", collab1, (r, _, doc, rec) => new HubLoadClient($"http://127.0.0.1:{collab1[0].Port}", token, "bench", $"room-{r}", doc, rec));
    await StopAsync(collab1);
}

var pg = Environment.GetEnvironmentVariable("COLLAB_TEST_PG");
if (pg is not null && load.Runs("cluster"))
{
    var database = $"load_{Guid.NewGuid():N}"[..20];
    await using (var connection = new NpgsqlConnection(pg))
    {
        await connection.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
    }
    var collab3 = await StartCollabAsync(3, new NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString);
    await RunAsync("collab 3 nodes signalr", collab3, (r, c, doc, rec) => new HubLoadClient($"http://127.0.0.1:{collab3[c % 3].Port}", token, "bench", $"room-{r}", doc, rec));
    await RunAsync("collab 3 nodes y-websocket", collab3, (r, c, doc, rec) => new YWebSocketClient(YUrl(collab3[c % 3], $"yjs/bench/room-{r}?access_token={token}"), doc, rec));
    await StopAsync(collab3);
}

if (load.Runs("refs"))
{
    var yServer = await StartYWebSocketServerAsync();
    await RunAsync("@y/websocket-server 0.1.1", yServer, (r, _, doc, rec) => new YWebSocketClient(YUrl(yServer[0], $"room-{r}"), doc, rec));
    await StopAsync(yServer);
    var hServer = await StartHocuspocusAsync();
    await RunAsync("@hocuspocus/server 4.7.0", hServer, (r, _, doc, rec) => new YWebSocketClient(YUrl(hServer[0], ""), doc, rec, $"room-{r}"));
    await StopAsync(hServer);
}

// Ours is Collab 1 node over y-websocket. One rate: both sides at that rate. Sweep: the better
// reference's highest sustained throughput and its p99 there, against the highest throughput
// Collab sustained with a p99 no higher than that (throughput at equal or lower p99).
var oursRuns = results.Where(r => r.Name.StartsWith("collab 1 node  y-websocket")).ToList();
var refRuns = results.Where(r => r.Name.StartsWith('@')).ToList();
var best = load.Sweep.Count == 0 ? refRuns.MaxBy(r => r.UpdatesPerSecond) : refRuns.Where(r => r.Sustained(load.SweepP99LimitMs)).MaxBy(r => r.UpdatesPerSecond);
var ours = best is null ? null : load.Sweep.Count == 0 ? oursRuns.LastOrDefault() : oursRuns.Where(r => r.Sustained(best.FanOut.P99)).MaxBy(r => r.UpdatesPerSecond);
if (best is not null && ours is not null)
    Console.WriteLine($"throughput_ratio={ours.UpdatesPerSecond / best.UpdatesPerSecond:F2} p99_ms={ours.FanOut.P99:F1} ref_p99_ms={best.FanOut.P99:F1}");
else if (best is not null && oursRuns.Count > 0)
    Console.WriteLine($"throughput_ratio=0.00 p99_ms={oursRuns.Min(r => r.FanOut.P99):F1} ref_p99_ms={best.FanOut.P99:F1} (no Collab rate sustained at the reference's p99)");
else if (load.Sweep.Count > 0 && oursRuns.Count > 0 && refRuns.Count > 0)
    // A busy machine can leave every server short of the bar: the line keeps its form and says so.
    Console.WriteLine($"throughput_ratio=- p99_ms={oursRuns.Min(r => r.FanOut.P99):F1} ref_p99_ms={refRuns.Min(r => r.FanOut.P99):F1} (no reference rate sustained at p99 <= {load.SweepP99LimitMs} ms)");
return 0;

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
