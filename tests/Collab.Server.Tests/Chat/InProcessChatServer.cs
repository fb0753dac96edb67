using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// The real server (its own Program) on Kestrel, 127.0.0.1 and a free port, in the test process so a
/// <see cref="ScriptedBot"/> can stand in for the copilot through <see cref="IChatService"/>.
/// </summary>
public sealed class InProcessChatServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("collab-chat-inproc-").FullName;

    public InProcessChatServer() => UseKestrel(0);

    public ScriptedBot Bot { get; } = new();

    public IChatService Chat => Services.GetRequiredService<IChatService>();

    public string HttpUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IChatMentionListener>(Bot));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
