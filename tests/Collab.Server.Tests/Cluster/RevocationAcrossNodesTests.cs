using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Tests.Cluster;

/// <summary>A membership change made on one node reaches the live connections on every other node.</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Collection(ClusterFaultsCollection.Name)]
[Trait("Needs", "Server")]
public sealed class RevocationAcrossNodesTests(ClusterNodes cluster)
{
    private const string Project = "cluster-revoke";
    private const string Notebook = "nb.ipynb";

    [Fact]
    public async Task Removal_and_downgrade_on_node_0_take_effect_on_nodes_1_and_2()
    {
        var nodes = await cluster.StartWithNotebookAsync(Project, Notebook, "bob", "dave");

        using var bob = await YSocket.ConnectAsync(nodes[1], TestTokens.For("bob"), Project, Notebook);
        await using var dave = await HubDocClient.JoinAsync(nodes[2], TestTokens.For("dave"), Project, Notebook);

        using (var alice = nodes[0].Client(TestTokens.For("alice")))
            (await alice.DeleteAsync($"/api/projects/{Project}/members/bob")).EnsureSuccessStatusCode();
        await nodes[0].AddMemberAsync("alice", Project, "dave", "viewer");

        Assert.Equal((WebSocketCloseStatus)4003, await bob.ClosedAsync(TimeSpan.FromSeconds(10)));
        HubException? refused = null;
        for (int attempt = 0; attempt < 50 && refused is null; attempt++)
        {
            dave.Edit(doc => doc.GetMap("state").Set("dirty", attempt));
            try { await dave.FlushAsync(); await Task.Delay(100); }
            catch (HubException ex) { refused = ex; }
        }
        Assert.NotNull(refused);
        Assert.Contains("Forbidden", refused!.Message);
    }
}
