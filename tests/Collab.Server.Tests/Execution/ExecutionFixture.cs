using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Execution;

/// <summary>
/// One real Jupyter Server and one Collab server pointed at it, shared by the execution tests;
/// project "run" has alice (owner), bob (editor) and vera (viewer). Each test makes its own
/// notebook, so each gets its own kernel. A server process: the tests read its <c>/metrics</c>, and
/// an in-process server's can show the instruments of another in-process server beside it (the
/// exporter listens to every meter of the name in the process).
/// </summary>
public sealed class ExecutionFixture : IAsyncLifetime
{
    public const string Project = "run";
    public const int MaxOutputBytes = 64 * 1024;
    public TestJupyter Jupyter { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Jupyter = await TestJupyter.StartAsync();
        var settings = Jupyter.Settings;
        settings["Jupyter:MaxOutputBytesPerCell"] = MaxOutputBytes.ToString();
        // Every test has its own notebook, so its own kernel, all in one project.
        settings["Jupyter:MaxKernelsPerProject"] = "100";
        Server = await ServerProcess.StartAsync(settings: settings);
        await Server.CreateProjectAsync("alice", Project);
        await Server.AddMemberAsync("alice", Project, "bob", "editor");
        await Server.AddMemberAsync("alice", Project, "vera", "viewer");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Jupyter.DisposeAsync();
    }

    /// <summary>Creates a notebook of code cells with ids c0, c1, … and the given sources.</summary>
    public Task CreateAsync(string name, params string[] sources) => Server.CreateNotebookAsync("alice", Project, name, Notebook(sources));

    public static JsonObject Notebook(params string[] sources) => new()
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(sources.Select((s, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"c{i}",
            ["cell_type"] = "code",
            ["source"] = s,
            ["metadata"] = new JsonObject(),
            ["outputs"] = new JsonArray(),
            ["execution_count"] = null,
        }).ToArray()),
    };

    public Task<HubDocClient> JoinAsync(string user, string name) => HubDocClient.JoinAsync(Server, TestTokens.For(user), Project, name);

    public async Task<HttpResponseMessage> RunOverRestAsync(string user, string name, string mode, params string[] cellIds)
    {
        using var client = Server.Client(TestTokens.For(user));
        return await client.PostAsJsonAsync($"/api/projects/{Project}/notebooks/{name}/run", new { mode, cellIds });
    }

    public static Task<string[]> RunAsync(HubDocClient client, string name, string mode, params string[] cellIds) =>
        client.Connection.InvokeAsync<string[]>("RunCells", Project, name, mode, cellIds);

    /// <summary>The cell as nbformat JSON, with <c>execution_state</c> added.</summary>
    public static JsonObject Cell(HubDocClient client, string id) => client.Read(doc =>
    {
        var json = NotebookModel.ToJson(doc)["cells"]!.AsArray().First(c => (string?)c!["id"] == id)!.AsObject();
        json["execution_state"] = NotebookModel.FindCell(doc, id)!.Get("execution_state") as string;
        return (JsonObject)json.DeepClone();
    });

    public static string? Status(HubDocClient client) => client.Read(doc => doc.GetMap("execution").Get("status") as string);

    public static string? StatusMessage(HubDocClient client) => client.Read(doc => doc.GetMap("execution").Get("message") as string);

    /// <summary>True once the cell finished (idle) with a count or an error.</summary>
    public static bool Finished(HubDocClient client, string id)
    {
        var cell = Cell(client, id);
        return (string?)cell["execution_state"] == "idle" && (cell["execution_count"] is not null || Outputs(cell).Any(o => (string?)o["output_type"] == "error"));
    }

    public static List<JsonObject> Outputs(JsonObject cell) => cell["outputs"]!.AsArray().Select(o => o!.AsObject()).ToList();

    public static string StreamText(JsonObject cell, string name = "stdout") =>
        string.Concat(Outputs(cell).Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == name).Select(o => (string?)o["text"]));
}
