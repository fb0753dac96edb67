using Collab.Crdt;
using Collab.Crdt.Types;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// An editor writes one update nesting maps 20,000 deep inside a cell (it once crashed the whole
/// server on export, again after every restart). It is refused with the limit named; export,
/// other editors and a restart are unaffected.
/// A server process, as the test kills and restarts it.
/// </summary>
[Trait("Needs", "Server")]
public sealed class DeepNestingAttackTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        await _server.CreateProjectAsync("alice", "deep");
        await _server.AddMemberAsync("alice", "deep", "mallory", "editor");
        await _server.CreateNotebookAsync("alice", "deep", "nb.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_20000_deep_update_inside_a_cell_is_refused_and_the_notebook_stays_usable()
    {
        await using var alice = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "deep", "nb.ipynb");
        alice.Edit(doc => NotebookEdits.InsertCodeCell(doc, 0, "print(1)"));
        await alice.FlushAsync();
        var before = await _server.ExportAsync("alice", "deep", "nb.ipynb");

        // The attacker's replica has no depth limit; it nests maps inside the cell's metadata.
        var attacker = new Doc(new DocOptions { MaxNestingDepth = int.MaxValue });
        attacker.ApplyUpdate(alice.Read(doc => doc.EncodeStateAsUpdate()));
        var serverState = attacker.EncodeStateVector();
        attacker.Transact(_ =>
        {
            var map = (YMap)((YMap)attacker.GetArray("cells").Get(0)!).Get("metadata")!;
            for (int i = 0; i < 20_000; i++)
            {
                var child = new YMap();
                map.Set("n", child);
                map = child;
            }
        });
        var update = attacker.EncodeStateAsUpdate(serverState);

        using var mallory = await YSocket.ConnectAsync(_server, TestTokens.For("mallory"), "deep", "nb.ipynb");
        await mallory.SendUpdateAsync(update);
        var denial = await mallory.NextDenialAsync();
        Assert.NotNull(denial);
        Assert.Contains("levels are allowed", denial);

        Assert.True(JsonCompare.Same(before, await _server.ExportAsync("alice", "deep", "nb.ipynb")));
        alice.Edit(doc => doc.GetMap("state").Set("dirty", true));
        await alice.FlushAsync();

        await _server.KillAsync();
        await _server.StartAsync();
        Assert.True(JsonCompare.Same(before, await _server.ExportAsync("alice", "deep", "nb.ipynb")));
        Assert.True(_server.IsRunning);
    }
}
