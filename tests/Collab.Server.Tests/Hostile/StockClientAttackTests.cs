using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// The attacks of this folder made by the stock npm clients (<c>yjs</c> + <c>y-websocket</c>,
/// tests/interop/hostile-y-websocket.mjs) rather than hand-made bytes: what any editor could do.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class StockClientAttackTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer();
        await _server.CreateProjectAsync("alice", "stock");
        await _server.AddMemberAsync("alice", "stock", "mallory", "editor");
        await _server.AddMemberAsync("alice", "stock", "bob", "editor");
        await _server.CreateNotebookAsync("alice", "stock", "nb.ipynb");
        await using var alice = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "stock", "nb.ipynb");
        alice.Edit(doc => NotebookEdits.InsertCodeCell(doc, 0, "print(1)"));
        await alice.FlushAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private JsonObject Config(string user, string attack) => new()
    {
        ["url"] = _server.WsUrl,
        ["httpUrl"] = _server.HttpUrl,
        ["project"] = "stock",
        ["doc"] = "nb.ipynb",
        ["token"] = TestTokens.For(user),
        ["attack"] = attack,
    };

    [Fact]
    public async Task A_yjs_editor_nesting_maps_20000_deep_is_refused_and_the_server_carries_on()
    {
        var before = await _server.ExportAsync("alice", "stock", "nb.ipynb");
        var config = Config("mallory", "deep");
        config["depth"] = 20_000;
        var result = await NodeScript.RunAsync("hostile-y-websocket.mjs", config, Timeout);

        Assert.Contains("levels are allowed", (string?)result["denied"]);
        Assert.True(JsonCompare.Same(before, await _server.ExportAsync("alice", "stock", "nb.ipynb")));
        await using var alice = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "stock", "nb.ipynb");
        alice.Edit(doc => doc.GetMap("state").Set("dirty", true));
        await alice.FlushAsync();
    }

    [Fact]
    public async Task A_removed_member_s_y_websocket_client_is_closed_with_the_reason()
    {
        var config = Config("bob", "removed");
        config["user"] = "bob";
        config["ownerToken"] = TestTokens.For("alice");
        var result = await NodeScript.RunAsync("hostile-y-websocket.mjs", config, Timeout);

        Assert.True(result["code"] is not null, result.ToJsonString());
        Assert.Equal(204, (int)result["removeStatus"]!);
        Assert.Equal(4003, (int)result["code"]!);
        Assert.Contains("no longer a member", (string?)result["reason"]);
    }
}
