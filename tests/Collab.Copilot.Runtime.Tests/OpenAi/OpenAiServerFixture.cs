using Microsoft.Extensions.Configuration;
using Collab.Copilot.Runtime.Hosting;
using Collab.Copilot.Runtime.OpenAi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collab.Copilot.Runtime.Tests.OpenAi;

/// <summary>A real Kestrel host on 127.0.0.1:0 serving the tiny model through AddCopilotRuntime.</summary>
public sealed class OpenAiServerFixture : IAsyncLifetime
{
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => app!.Services;

    public static Dictionary<string, string?> InProcessConfiguration() => new()
    {
        ["Copilot:Model:Path"] = TestModel.TinyModelPath,
        ["Copilot:Model:Name"] = "tiny",
        ["Copilot:Model:NativeLibraryPath"] = TestModel.LibraryFolder,
        ["Copilot:Model:ContextSize"] = "512",
        ["Copilot:Model:ParallelSequences"] = "4",
        ["Copilot:Model:BatchSize"] = "256",
        ["Copilot:Model:Threads"] = "1",
    };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(InProcessConfiguration());
        builder.Services.AddCopilotRuntime(builder.Configuration);
        app = builder.Build();
        app.MapOpenAiCompatibleEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/') + "/v1";
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
