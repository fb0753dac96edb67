using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The real server binary on 127.0.0.1 with a free port and its own temporary data directory,
/// optionally on PostgreSQL. It can be SIGKILLed and restarted on the same data.
/// </summary>
public sealed class ServerProcess : ITestServer, IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private ServerProcess(Dictionary<string, string> environment, string dataDirectory)
    {
        _environment = environment;
        DataDirectory = dataDirectory;
        Port = new Uri(environment["ASPNETCORE_URLS"]).Port;
    }

    public int Port { get; }
    public string DataDirectory { get; }
    public string HttpUrl => $"http://127.0.0.1:{Port}";
    public string WsUrl => $"ws://127.0.0.1:{Port}";
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server's resident memory now, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process!.Id}/status"))
            if (line.StartsWith("VmRSS:")) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        throw new InvalidOperationException("No VmRSS in /proc status.");
    }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<ServerProcess> StartAsync(string? postgres = null, IDictionary<string, string>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-server-").FullName;
        // The free port is found by binding port 0 and letting it go; until the server binds it,
        // another test's outgoing connection can take it as its local port. Then the start is
        // retried on another port (a restart keeps its port: clients reconnect to it).
        for (var attempt = 1; ; attempt++)
        {
            var server = new ServerProcess(EnvironmentFor(postgres, settings, dataDirectory, FreePort.Next()), dataDirectory);
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Log.Contains("address already in use"))
            {
            }
        }
    }

    private static Dictionary<string, string> EnvironmentFor(string? postgres, IDictionary<string, string>? settings, string dataDirectory, int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataDirectory"] = dataDirectory,
            ["Auth__SigningKey"] = TestTokens.SigningKey,
            ["Auth__Issuer"] = TestTokens.Issuer,
            ["Auth__Audience"] = TestTokens.Audience,
            ["Rooms__UnloadGraceSeconds"] = "2",
            ["Logging__LogLevel__Default"] = "Warning",
            // A server indexes the repository's docs-corpus in the background, at start or on the first search (tokenizer
            // tables, chunking, embedding): seconds of CPU per test server that the suite needs, for
            // an index only the copilot tests read. They turn it on; retrieval quality is measured
            // in the Indexer tests.
            ["Indexer__Embeddings"] = "None",
            ["Copilot__Docs__IndexOnStart"] = "false",
            ["Copilot__Docs__IndexOnFirstSearch"] = "false",
        };
        if (postgres is not null) environment["ConnectionStrings__Postgres"] = postgres;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key.Replace(":", "__")] = value;
        return environment;
    }

    public async Task StartAsync()
    {
        var info = ServerCommand.StartInfo(DataDirectory);
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // drains the redirected output, so the log holds the reason
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync($"{HttpUrl}/readyz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server did not become ready:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; only what was durable survives.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
