using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using static Collab.Server.Tests.Execution.ExecutionFixture;

namespace Collab.Server.Tests.Execution;

/// <summary>
/// A deployment allows several Jupyter Servers by name (<c>Jupyter:Url</c> is <c>default</c>, more
/// under <c>Jupyter:Servers</c>); a project's owners choose one, never a URL of their own.
/// </summary>
[Trait("Needs", "Jupyter")]
[Trait("Needs", "Server")]
public sealed class JupyterServerChoiceTests(ExecutionFixture fixture) : IClassFixture<ExecutionFixture>
{
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Owners_move_a_project_to_another_allowed_server_and_its_cells_run_there()
    {
        await using var second = await TestJupyter.StartAsync();
        var settings = fixture.Jupyter.Settings;
        settings["Jupyter:Servers:second:Url"] = second.Url;
        settings["Jupyter:Servers:second:Token"] = second.Token;
        settings["Jupyter:Servers:down:Url"] = $"http://127.0.0.1:{FreePort.Next()}/";
        await using var server = new InProcessServer(settings);
        await server.CreateProjectAsync("alice", "moving");
        await server.AddMemberAsync("alice", "moving", "bob", "editor");
        await server.CreateNotebookAsync("alice", "moving", "where.ipynb", Notebook("print('ran')"));
        using var owner = server.Client(TestTokens.For("alice"));
        using var editor = server.Client(TestTokens.For("bob"));
        const string Choice = "/api/projects/moving/jupyter-server";

        var before = await editor.GetFromJsonAsync<JsonObject>(Choice);
        Assert.Equal("default", (string?)before!["server"]);
        Assert.Equal(["default", "down", "second"], before["servers"]!.AsArray().Select(n => (string?)n));

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync(Choice, new { server = "second" })).StatusCode);
        var unknown = await owner.PutAsJsonAsync(Choice, new { server = "http://127.0.0.1:9/" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("default, down, second", await unknown.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsJsonAsync(Choice, new { server = "second" })).StatusCode);
        await using var bob = await HubDocClient.JoinAsync(server, TestTokens.For("bob"), "moving", "where.ipynb");
        await bob.Connection.InvokeAsync<string[]>("RunCells", "moving", "where.ipynb", "all", Array.Empty<string>());
        Assert.True(await Eventually.HoldsAsync(() => StreamText(Cell(bob, "c0")) == "ran\n", Run), second.Log);
        Assert.Contains(await SessionPathsAsync(second), p => p.Contains("moving/where.ipynb"));
        Assert.DoesNotContain(await SessionPathsAsync(fixture.Jupyter), p => p.Contains("moving/"));

        // A server that is down says so by name in the notebook's status; the cell is not left running.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PutAsJsonAsync(Choice, new { server = "down" })).StatusCode);
        Assert.Empty(await SessionPathsAsync(second));
        await bob.Connection.InvokeAsync<string[]>("RunCells", "moving", "where.ipynb", "all", Array.Empty<string>());
        Assert.True(await Eventually.HoldsAsync(() => Status(bob) == "unavailable" && StatusMessage(bob)?.Contains("'down'") == true, Run));
        Assert.True(await Eventually.HoldsAsync(() => (string?)Cell(bob, "c0")["execution_state"] == "idle", Run));

        var audit = await owner.GetFromJsonAsync<JsonArray>("/api/projects/moving/audit");
        Assert.Contains(audit!, e => (string?)e!["action"] == "project.jupyter-server" && (string?)e["detail"] == "down");
    }

    [Fact]
    public async Task More_cells_than_a_queue_may_hold_are_refused_as_too_large()
    {
        await fixture.CreateAsync("flood.ipynb", "1");
        var ids = Enumerable.Range(0, 1001).Select(i => $"c{i}").ToArray();

        var response = await fixture.RunOverRestAsync("bob", "flood.ipynb", "cells", ids);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Jupyter:MaxQueuedCells", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("default")]
    [InlineData("GPU")]
    [InlineData("my_server")]
    public async Task Start_is_refused_for_a_server_name_projects_could_not_use(string name)
    {
        var settings = fixture.Jupyter.Settings;
        settings[$"Jupyter:Servers:{name}:Url"] = fixture.Jupyter.Url;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(settings: settings));
        Assert.Contains("Jupyter:Servers names", error.Message);
    }

    private static async Task<List<string>> SessionPathsAsync(TestJupyter jupyter)
    {
        using var http = new HttpClient();
        var sessions = await http.GetFromJsonAsync<JsonArray>($"{jupyter.Url}api/sessions?token={jupyter.Token}");
        return sessions!.Select(s => (string?)s!["path"] ?? "").ToList();
    }
}
