using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using static Collab.Server.Tests.History.HistoryNotebooks;

namespace Collab.Server.Tests.History;

/// <summary>
/// A restore while stock y-websocket clients (yjs, JupyterLab's YNotebook) keep adding cells: the
/// restore reaches the room in many small steps (a small <c>Limits:MaxMessageBytes</c>), the clients'
/// edits interleave with them, and everyone converges on the restored version plus every cell the
/// restore did not start from. Cells that were there when it started are rolled back with the rest.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class ConcurrentRestoreTests : IAsyncLifetime
{
    private const string Project = "concurrent";
    private const string Notebook = "busy.ipynb";
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Limits:MaxMessageBytes"] = "2048",
            ["Limits:UpdatesPerSecond"] = "1000",
            ["Limits:UpdateBurst"] = "1000",
        });
        await _server.CreateProjectAsync("alice", Project);
        await _server.AddMemberAsync("alice", Project, "bob", "editor");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Clients_converge_on_the_restored_version_plus_the_edits_made_while_it_ran()
    {
        var original = Enumerable.Range(0, 60).Select(i => ($"v{i}", $"# cell {i}\n" + new string('x', 300))).ToArray();
        await _server.CreateNotebookAsync("alice", Project, Notebook, Ipynb(original));
        var v1 = await _server.CheckpointAsync("alice", Project, Notebook, "original");
        var damaged = original.Where((_, i) => i % 3 != 0).Select((c, i) => i % 2 == 0 ? (c.Item1, "damaged " + i) : c).ToArray();
        await _server.ImportAsync("alice", Project, Notebook, Ipynb(damaged));

        var result = await NodeScript.RunAsync("history-restore-clients.mjs", new JsonObject
        {
            ["http"] = _server.HttpUrl,
            ["ws"] = _server.WsUrl,
            ["project"] = Project,
            ["doc"] = Notebook,
            ["versionId"] = v1,
            ["restoreToken"] = TestTokens.For("bob"),
            ["tokens"] = new JsonObject { ["y-alice"] = TestTokens.For("alice"), ["y-bob"] = TestTokens.For("bob") },
            ["timeoutMs"] = 120_000,
        }, TimeSpan.FromMinutes(3));

        Assert.True((bool)result["converged"]!, result.ToJsonString());
        Assert.Equal(200, (int)result["restore"]!["status"]!);
        var beforeId = (long)result["restore"]!["body"]!["before"]!["id"]!;
        using var client = _server.Client(TestTokens.For("alice"));
        var started = JsonNode.Parse(await client.GetStringAsync($"{VersionsPath(Project, Notebook)}/{beforeId}"))!.AsObject();
        var startedFrom = Cells(started).Select(c => c.Source).ToHashSet();

        var final = result["notebook"]!["cells"]!.AsArray().Select(c => (string)c!["source"]!).ToList();
        // The version's cells, all of them, in its order and with its text.
        Assert.Equal(original.Select(c => c.Item2), final.Where(s => !s.StartsWith("marker:", StringComparison.Ordinal)));
        var markers = result["markers"]!.AsArray().Select(m => (string)m!["source"]!).ToList();
        // Every cell the restore did not start from survives; those it started from are rolled back.
        Assert.All(markers.Where(m => !startedFrom.Contains(m)), m => Assert.Contains(m, final));
        Assert.All(markers.Where(startedFrom.Contains), m => Assert.DoesNotContain(m, final));
        Assert.Contains(result["markers"]!.AsArray(), m => (string?)m!["phase"] == "after");
        Assert.Equal(final, Cells(await _server.ExportAsync("alice", Project, Notebook)).Select(c => c.Source));
    }
}
