using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The real server (its own Program) on Kestrel, 127.0.0.1 and a free port, inside the test
/// process, so a test can reach its services (the metrics recording API, the chat service) or
/// replace one (a scripted bot standing in for the copilot).
/// </summary>
public sealed class InProcessServer : WebApplicationFactory<Program>, ITestServer
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("collab-inproc-").FullName;
    private readonly IDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public InProcessServer(IDictionary<string, string>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _configureServices = configureServices;
        UseKestrel(0);
    }

    public string HttpUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    public string WsUrl => "ws" + HttpUrl["http".Length..];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Indexer:Embeddings", "None"); // as ServerProcess: no MiniLM embedding per test server
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
