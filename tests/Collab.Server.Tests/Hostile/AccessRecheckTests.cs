using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// A membership change whose notice never reached a node (here: written straight into the
/// database) still reaches the node's live connections at the next periodic re-check.
/// </summary>
[Trait("Needs", "Server")]
public sealed class AccessRecheckTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string> { ["Auth:AccessRecheckSeconds"] = "1" });
        await _server.CreateProjectAsync("alice", "recheck");
        await _server.AddMemberAsync("alice", "recheck", "bob", "editor");
        await _server.AddMemberAsync("alice", "recheck", "dave", "editor");
        await _server.CreateNotebookAsync("alice", "recheck", "nb.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_server.DataDirectory, "collab.db")};Pooling=false");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Changes_made_behind_the_servers_back_reach_live_connections()
    {
        using var bob = await YSocket.ConnectAsync(_server, TestTokens.For("bob"), "recheck", "nb.ipynb");
        await using var dave = await HubDocClient.JoinAsync(_server, TestTokens.For("dave"), "recheck", "nb.ipynb");

        await ExecuteAsync("DELETE FROM project_members WHERE project_id = 'recheck' AND user_id = 'bob'");
        await ExecuteAsync("UPDATE project_members SET role = 'viewer' WHERE project_id = 'recheck' AND user_id = 'dave'");

        Assert.Equal((WebSocketCloseStatus)4003, await bob.ClosedAsync(TimeSpan.FromSeconds(15)));
        HubException? refused = null;
        for (int attempt = 0; attempt < 100 && refused is null; attempt++)
        {
            dave.Edit(doc => doc.GetMap("state").Set("dirty", attempt));
            try { await dave.FlushAsync(); await Task.Delay(100); }
            catch (HubException ex) { refused = ex; }
        }
        Assert.NotNull(refused);
        Assert.Contains("Forbidden", refused!.Message);
    }
}
