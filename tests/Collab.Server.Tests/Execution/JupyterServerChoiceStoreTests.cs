using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Execution;

/// <summary>A project's Jupyter Server choice is stored with it in both stores, survives a restart and goes with the project.</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class JupyterServerChoiceStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_choice_is_kept_across_restarts_and_dropped_with_the_project(bool postgres)
    {
        // Nothing here talks to a Jupyter server: choosing one only records its name.
        var settings = new Dictionary<string, string>
        {
            ["Jupyter:Url"] = $"http://127.0.0.1:{FreePort.Next()}/",
            ["Jupyter:Servers:gpu:Url"] = $"http://127.0.0.1:{FreePort.Next()}/",
        };
        await using var server = await ServerProcess.StartAsync(postgres ? await TestPostgres.CreateDatabaseAsync("jupyterchoice") : null, settings);
        await server.CreateProjectAsync("alice", "kept");
        using var alice = server.Client(TestTokens.For("alice"));
        const string Choice = "/api/projects/kept/jupyter-server";

        Assert.Equal(HttpStatusCode.NoContent, (await alice.PutAsJsonAsync(Choice, new { server = "gpu" })).StatusCode);
        await server.KillAsync();
        await server.StartAsync();
        Assert.Equal("gpu", (string?)(await alice.GetFromJsonAsync<JsonObject>(Choice))!["server"]);

        (await alice.DeleteAsync("/api/projects/kept")).EnsureSuccessStatusCode();
        await server.CreateProjectAsync("alice", "kept");
        Assert.Equal("default", (string?)(await alice.GetFromJsonAsync<JsonObject>(Choice))!["server"]);
    }
}
