using Collab.Server.Rooms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The real server (its own Program) on Kestrel, 127.0.0.1 and a free port, inside the test
/// process, so a test can reach its services (the metrics recording API, the chat service) or
/// replace one (a scripted bot standing in for the copilot).
/// </summary>
public sealed class InProcessServer : WebApplicationFactory<Program>, ITestServer
{
    private readonly CapturedLog _log = new();
    private readonly IDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private RoomManager? _rooms;

    public InProcessServer(IDictionary<string, string>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _configureServices = configureServices;
        UseKestrel(0);
    }

    /// <summary>A server on the PostgreSQL database <paramref name="postgres"/> names, or on SQLite in its data directory when that is null.</summary>
    public static InProcessServer On(string? postgres, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (postgres is not null) all["ConnectionStrings:Postgres"] = postgres;
        return new InProcessServer(all);
    }

    /// <summary>
    /// Starts a server on settings that must stop its start; what it said, inner exceptions
    /// included. The checks are the ones a server process runs at its start (<c>AuthSettingsTests</c>
    /// shows on a real process that a refused start ends it with the reason).
    /// </summary>
    public static async Task<string> RefusedStartAsync(IDictionary<string, string> settings)
    {
        await using var server = new InProcessServer(settings);
        return Assert.ThrowsAny<Exception>(() => server.Services).ToString();
    }

    /// <summary>The server's own temporary data directory (its SQLite database, keys and index).</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("collab-inproc-").FullName;

    /// <summary>What the server logged at its configured levels (Warning and above unless a test sets more).</summary>
    public string Log => _log.Text;

    public string HttpUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    public string WsUrl => "ws" + HttpUrl["http".Length..];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Indexer:Embeddings", "None"); // as ServerProcess: no MiniLM embedding per test server
        builder.UseSetting("Copilot:Docs:IndexOnStart", "false"); // as ServerProcess: no docs index per test server unless a test asks
        builder.UseSetting("Copilot:Docs:IndexOnFirstSearch", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(_log));
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _rooms = host.Services.GetRequiredService<RoomManager>();
        return host;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        // The server's Program disposes its host on its own thread once the host stops, and base
        // returns after the stop, while rooms may still be writing their last flush. Closing the
        // rooms again waits for those flushes, so the data directory goes only after them.
        await base.DisposeAsync();
        if (_rooms is not null) await _rooms.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
