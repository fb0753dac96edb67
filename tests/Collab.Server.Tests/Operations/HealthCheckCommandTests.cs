using System.Diagnostics;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Operations;

/// <summary>The container HEALTHCHECK's <c>dotnet Collab.Server.dll healthcheck URL</c>.</summary>
[Trait("Needs", "Server")]
public sealed class HealthCheckCommandTests
{
    [Fact]
    public async Task Exits_0_when_the_server_answers_and_1_when_it_does_not()
    {
        await using var server = new InProcessServer();
        // The command allows an answer 3 s: first let the server answer once (its first request compiles the health checks).
        using (var http = new HttpClient { BaseAddress = new Uri(server.HttpUrl) })
            Assert.True(await Eventually.HoldsAsync(async () => (await http.GetAsync("/healthz")).IsSuccessStatusCode), "the server never answered /healthz");
        Assert.Equal(0, await RunAsync($"{server.HttpUrl}/healthz"));
        Assert.Equal(1, await RunAsync($"{server.HttpUrl}/no-such-path"));
        Assert.Equal(1, await RunAsync($"http://127.0.0.1:{FreePort.Next()}/healthz"));
        Assert.Equal(2, await RunAsync("not a url"));
    }

    private static async Task<int> RunAsync(string url)
    {
        // An empty working directory and no settings: the command must not need configuration.
        var info = ServerCommand.StartInfo(Directory.CreateTempSubdirectory("collab-healthcheck-").FullName, "healthcheck", url);
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return process.ExitCode;
    }
}
