using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.EndToEnd;

/// <summary>
/// Two stock y-websocket clients with JupyterLab's YNotebook, the @microsoft/signalr JS client
/// (MessagePack) and the .NET SignalR client (JSON) edit one notebook at once on the real server.
/// </summary>
public abstract class ConvergenceTests : IAsyncLifetime
{
    private const string Project = "lab";
    private const string Notebook = "shared.ipynb";
    private InProcessServer _server = null!;

    protected abstract Task<string?> PostgresAsync();

    public async Task InitializeAsync()
    {
        _server = InProcessServer.On(await PostgresAsync());
        await _server.CreateProjectAsync("alice", Project);
        foreach (var user in new[] { "bob", "carol", "dave" }) await _server.AddMemberAsync("alice", Project, user, "editor");
        await _server.AddMemberAsync("alice", Project, "lena", "viewer");
        await _server.CreateNotebookAsync("alice", Project, Notebook);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task All_clients_converge_a_late_joiner_gets_everything_and_the_export_equals_YNotebook_toJSON()
    {
        await using var dotnet = await HubDocClient.JoinAsync(_server, TestTokens.For("dave"), Project, Notebook);
        var config = new JsonObject
        {
            ["http"] = _server.HttpUrl,
            ["ws"] = _server.WsUrl,
            ["project"] = Project,
            ["doc"] = Notebook,
            ["edits"] = 30,
            ["participants"] = new JsonArray("y-alice", "y-bob", "sr-carol", "dotnet"),
            ["tokens"] = new JsonObject
            {
                ["y-alice"] = TestTokens.For("alice"),
                ["y-bob"] = TestTokens.For("bob"),
                ["sr-carol"] = TestTokens.For("carol"),
            },
            ["lateToken"] = TestTokens.For("lena"),
            ["timeoutMs"] = 90_000,
        };
        var node = NodeScript.RunAsync("collab-clients.mjs", config, TimeSpan.FromMinutes(3));

        var random = new Random(7);
        for (var i = 0; i < 30; i++)
        {
            var edit = i;
            dotnet.Edit(doc =>
            {
                var count = NotebookEdits.CellCount(doc);
                if (count == 0 || edit % 4 == 0) NotebookEdits.InsertCodeCell(doc, random.Next(count + 1), $"# dotnet cell {edit}\n");
                else NotebookEdits.Source(doc, random.Next(count)).Insert(0, $"[dotnet:{edit}]");
            });
            await Task.Delay(random.Next(5, 25));
        }
        await dotnet.FlushAsync();
        dotnet.Edit(doc => doc.GetMap("test-done").Set("dotnet", true));
        await dotnet.FlushAsync();

        var result = await node;
        Assert.True((bool)result["converged"]!, result.ToJsonString());
        Assert.True((bool)result["lateEqual"]!, "the late y-websocket joiner (a viewer) saw a different notebook");
        Assert.True((bool)result["awarenessSeen"]!, "y-websocket clients did not see each other's awareness");
        var expected = result["notebook"]!.AsObject();
        Assert.True((long)result["cells"]! >= 10);

        Assert.True(await Eventually.HoldsAsync(() => JsonCompare.Same(dotnet.Read(NotebookModel.ToJson), expected)),
            $"the .NET client diverged:\n{dotnet.Read(NotebookModel.ToJson).ToJsonString()}\nvs\n{expected.ToJsonString()}");

        var exported = await _server.ExportAsync("lena", Project, Notebook);
        NbformatCheck.AssertValid(exported);
        Assert.True(JsonCompare.Same(expected, exported), $"export differs from YNotebook.toJSON():\n{exported.ToJsonString()}\nvs\n{expected.ToJsonString()}");
    }
}

[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class SqliteConvergenceTests : ConvergenceTests
{
    protected override Task<string?> PostgresAsync() => Task.FromResult<string?>(null);
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class PostgresConvergenceTests : ConvergenceTests
{
    protected override async Task<string?> PostgresAsync() => await TestPostgres.CreateDatabaseAsync("e2e_converge");
}
