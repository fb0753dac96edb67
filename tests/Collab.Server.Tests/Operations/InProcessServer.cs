using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// The real server (its own Program) on Kestrel with a free port, inside the test process, so a
/// test can call the recording API that the Redis scale-out and the copilot use.
/// </summary>
public sealed class InProcessServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("collab-ops-inproc-").FullName;
    private readonly IDictionary<string, string> _settings;

    public InProcessServer(IDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    public string HttpUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
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
